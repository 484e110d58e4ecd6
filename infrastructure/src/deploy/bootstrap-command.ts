import path from 'node:path';
import { STACK_OUTPUTS } from '@mini-ecommerce/stack-model';
import type { DeployContext } from './context';
import { deployStack } from './deploy-stack';
import { UserError } from './errors';
import { assertKnownParameters } from './parameters';
import { BOOTSTRAP_STACK_ID, stackName } from './stacks';
import { loadTemplate } from './template';

/**
 * `infra:bootstrap`: deploys the bootstrap stack (the CloudFormation service role of the
 * environment) through the same change-set machinery as the four stacks, but with the caller's
 * own rights: the role cannot manage itself, by design (it lives outside the names it may touch).
 */
export async function bootstrapCommand(ctx: DeployContext): Promise<void> {
  const { reporter, env } = ctx;
  const template = await loadTemplate(
    path.join(ctx.workspaceRoot, 'infrastructure'),
    BOOTSTRAP_STACK_ID,
  );
  assertKnownParameters([template], ctx.options.parameters);
  const name = stackName(env, BOOTSTRAP_STACK_ID);
  reporter.heading(
    `${ctx.options.dryRun ? 'Planning' : 'Bootstrapping'} ${env} in ${ctx.region} (account ${ctx.account}): ${name}`,
  );
  const result = await deployStack({ ...ctx, serviceRoleArn: undefined }, template, {
    planOnly: ctx.options.dryRun,
    artifactBucket: () =>
      Promise.reject(
        new UserError(
          `${template.file} must stay small enough to send inline: it is deployed before any bucket exists.`,
        ),
      ),
  });
  if (result.kind === 'planned') {
    reporter.line();
    reporter.success('Dry run: nothing was executed and no change set was left behind.');
    return;
  }
  const arn = result.outputs[STACK_OUTPUTS.cloudFormationServiceRoleArn.output];
  if (!arn) {
    throw new UserError(
      `${name} has no output ${STACK_OUTPUTS.cloudFormationServiceRoleArn.output}: deploy it again with the current templates.`,
    );
  }
  reporter.line(`  CloudFormation service role: ${arn}`);
  reporter.line(
    `  infra:deploy, diff and destroy --env ${env} now pass it to CloudFormation; whoever runs them needs iam:PassRole on it (docs/deploy-permissions.md).`,
  );
}
