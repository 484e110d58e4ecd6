import { DeleteStackCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { ChangeSetOutcome } from '../change-set';
import { printChangeSet } from '../change-set-table';
import type { DeployContext } from '../context';
import { UserError, errorMessage } from '../errors';
import type { StackTemplate } from '../template';
import { deployedTemplate } from '../template-diff';
import { broadeningSummary, reviewLines } from './render';
import {
  buildReview,
  changeSetParameters,
  needsTemplates,
  parameterChanges,
  type ChangeSetReview,
  type TemplateSides,
} from './review';
import { collisionLines, collisionRefusal } from './collisions';
import { newStackCollisions } from './new-stack';
import {
  Unresolved,
  evaluateResources,
  parseTemplateDocument,
  type TemplateDocument,
} from './template-values';

/**
 * Shows a computed change set the way an operator reviews it: the table of resources, then per
 * resource which properties change from what to what, the parameter changes, and a mark on what
 * widens security or puts data at risk. Property values come from the change set; when it has
 * none (moto, or a change CloudFormation did not detail) the deployed template and parameters are
 * evaluated against the local ones instead. `deployed` is the stack an UPDATE change set applies to
 * (undefined for a CREATE), as the caller already described it.
 */
export async function previewChangeSet(
  ctx: DeployContext,
  stackName: string,
  template: StackTemplate,
  outcome: Extract<ChangeSetOutcome, { kind: 'changes' }>,
  deployed: Stack | undefined,
): Promise<ChangeSetReview> {
  const { reporter } = ctx;
  const local = parseTemplateDocument(template.body);
  const updating = outcome.changeSetType === 'UPDATE';
  const deployedParameters: Record<string, string> = Object.fromEntries(
    (deployed?.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']),
  );
  const newParameters = changeSetParameters(outcome.parameters, deployedParameters);
  let sides: TemplateSides | undefined;
  if (needsTemplates(outcome.changes)) {
    try {
      const deployedBody = updating ? await deployedTemplate(ctx, stackName) : undefined;
      sides = {
        deployed: deployedBody === undefined ? undefined : parseTemplateDocument(deployedBody),
        local,
        deployedParameters,
        newParameters,
        inputs: {
          account: ctx.account,
          region: ctx.region,
          stackName,
          importValue: (name) => new Unresolved(`(import ${name})`),
        },
      };
    } catch (error) {
      reporter.warn(
        `Could not read the deployed template of ${stackName} (${errorMessage(error)}): property changes are not shown.`,
      );
    }
  }
  const review = buildReview(
    stackName,
    outcome.changes,
    sides,
    updating ? parameterChanges(local, deployedParameters, newParameters) : [],
  );
  printChangeSet(reporter, stackName, review.planned);
  for (const line of reviewLines(review, (style, text) => reporter.style(style, text)))
    reporter.line(`  ${line}`);
  const summary = broadeningSummary(review);
  if (summary) reporter.warn(summary);
  if (outcome.changeSetType === 'CREATE' && ctx.options.command === 'deploy' && !ctx.options.dryRun)
    await refuseCollisions(ctx, stackName, local, newParameters);
  return review;
}

/**
 * A create that would take a name something already holds fails after minutes and rolls back:
 * refused here, before the change set runs, with what collides and what to do. The empty
 * REVIEW_IN_PROGRESS stack of the CREATE change set is deleted, as a declined plan's is.
 */
async function refuseCollisions(
  ctx: DeployContext,
  stackName: string,
  local: TemplateDocument,
  parameters: Readonly<Record<string, string>>,
): Promise<void> {
  const resources = evaluateResources(local, {
    parameters,
    account: ctx.account,
    region: ctx.region,
    stackName,
    // Names never come from another stack in these templates; an import stays unresolved.
    importValue: (name) => new Unresolved(`(import ${name})`),
  });
  const collisions = await newStackCollisions(ctx, resources);
  if (collisions.length === 0) return;
  await ctx.clients.cloudFormation.send(
    new DeleteStackCommand({ StackName: stackName, RoleARN: ctx.serviceRoleArn }),
  );
  throw new UserError(collisionRefusal(stackName, collisions), collisionLines(collisions));
}
