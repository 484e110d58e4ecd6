import {
  DeleteStackCommand,
  ExecuteChangeSetCommand,
  UpdateTerminationProtectionCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { standardTags } from '@mini-ecommerce/stack-model';
import { createChangeSet, deleteChangeSet, type ChangeSetOutcome } from './change-set';
import { approveChangeSet } from './diff/approval';
import { previewChangeSet } from './diff/preview';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { stackParameters } from './parameters';
import { failureDetails, runStackOperation } from './stack-events';
import { formatElapsed } from './stack-progress';
import {
  continueUpdateRollback,
  deployFailure,
  recoverFromKeptFailure,
  stuckStackError,
} from './stack-recovery';
import {
  describeStack,
  isBusy,
  isKeptFailure,
  isStuck,
  needsRecreate,
  stackOutputs,
} from './stack-state';
import { stackName } from './stacks';
import type { StackTemplate } from './template';
import { templateSource } from './template-source';

export type StackDeployResult =
  | { readonly kind: 'deployed' | 'unchanged'; readonly outputs: Record<string, string> }
  | { readonly kind: 'planned' };

export interface DeployStackOptions {
  /** Show the change set and stop (dry run and diff). */
  readonly planOnly: boolean;
  readonly artifactBucket: () => Promise<string>;
}

/**
 * One stack through a change set: recreate if it is a leftover, plan, show, ask, execute, watch,
 * protect. Planning never leaves anything behind: a change set that is not executed is deleted,
 * and so is the empty REVIEW_IN_PROGRESS stack a first change set creates.
 */
export async function deployStack(
  ctx: DeployContext,
  template: StackTemplate,
  options: DeployStackOptions,
): Promise<StackDeployResult> {
  const { reporter, env } = ctx;
  const name = stackName(env, template.id);
  let existing = await describeStack(ctx.clients.cloudFormation, name);
  if (existing && existing.StackStatus === 'UPDATE_ROLLBACK_FAILED') {
    await continueUpdateRollback(ctx, name, existing, options.planOnly);
    existing = await describeStack(ctx.clients.cloudFormation, name);
  }
  const status = existing?.StackStatus;

  if (isBusy(status)) {
    throw new UserError(
      `Stack ${name} is busy (${status}): wait for the running operation to finish and retry.`,
    );
  }
  if (existing && isStuck(status)) throw await stuckStackError(ctx, name, existing);
  if (isKeptFailure(status)) {
    reporter.warn(
      `${name} is in ${status}, kept from a deploy with --no-rollback: this deploy updates it from there.`,
    );
  }
  if (existing && needsRecreate(status)) {
    if (options.planOnly) {
      reporter.warn(
        `${name} is in ${status}; a deploy deletes and recreates it. Planning it as a new stack.`,
      );
      if (status === 'ROLLBACK_COMPLETE') {
        reporter.line(
          `  (a stack in ROLLBACK_COMPLETE accepts no change set; nothing more to show for ${name})`,
        );
        return { kind: 'planned' };
      }
    } else {
      await deleteLeftoverStack(ctx, name, existing);
      existing = undefined;
    }
  }

  const creating = !existing || existing.StackStatus === 'REVIEW_IN_PROGRESS';
  const deployedKeys = creating
    ? undefined
    : new Set((existing?.Parameters ?? []).map((p) => p.ParameterKey ?? ''));
  const outcome = await createChangeSet(ctx, {
    stackName: name,
    changeSetType: creating ? 'CREATE' : 'UPDATE',
    template: await templateSource(ctx, template, options.artifactBucket),
    parameters: stackParameters(template, env, ctx.options.parameters, deployedKeys),
    tags: standardTags(env),
  });

  if (outcome.kind !== 'changes') {
    return finishWithoutChanges(ctx, name, outcome, creating, options.planOnly);
  }

  const review = await previewChangeSet(
    ctx,
    name,
    template,
    outcome,
    creating ? undefined : existing,
  );
  if (options.planOnly) {
    await discardPlan(ctx, name, outcome.changeSetName, creating);
    return { kind: 'planned' };
  }
  if (!(await approveChangeSet(ctx, name, review))) {
    await discardPlan(ctx, name, outcome.changeSetName, creating);
    throw new UserError(`Cancelled: the change set for ${name} was not executed (and is deleted).`);
  }

  const result = await runStackOperation(
    ctx,
    name,
    name,
    creating ? 'create' : 'update',
    () =>
      ctx.clients.cloudFormation.send(
        new ExecuteChangeSetCommand({
          StackName: name,
          ChangeSetName: outcome.changeSetName,
          // --no-rollback: a failure stops in CREATE_FAILED/UPDATE_FAILED with what was done kept.
          ...(ctx.options.rollback ? {} : { DisableRollback: true }),
        }),
      ),
    outcome.changes.length,
  );
  const after = await describeStack(ctx.clients.cloudFormation, name);
  if (!result.succeeded) {
    if (after && isKeptFailure(after.StackStatus)) {
      return recoverFromKeptFailure(ctx, name, after, result, () =>
        deployStack(ctx, template, options),
      );
    }
    throw deployFailure(
      name,
      after,
      result,
      `fix the cause and run \`nx run infra:deploy --env ${ctx.env}\` again (with --no-rollback to keep a failure's resources for inspection).`,
    );
  }
  await protectInProd(ctx, name, after);
  reporter.success(
    `${name}: ${after?.StackStatus ?? 'done'} in ${formatElapsed(result.elapsedMs)}`,
  );
  return { kind: 'deployed', outputs: stackOutputs(after) };
}

async function finishWithoutChanges(
  ctx: DeployContext,
  name: string,
  outcome: Exclude<ChangeSetOutcome, { kind: 'changes' }>,
  creating: boolean,
  planOnly: boolean,
): Promise<StackDeployResult> {
  if (outcome.kind === 'failed') {
    if (creating) await deleteReviewStack(ctx, name);
    throw new UserError(`The change set for ${name} failed: ${outcome.reason}`);
  }
  ctx.reporter.success(`${name}: no changes`);
  if (planOnly) return { kind: 'planned' };
  const stack = await describeStack(ctx.clients.cloudFormation, name);
  await protectInProd(ctx, name, stack);
  return { kind: 'unchanged', outputs: stackOutputs(stack) };
}

async function discardPlan(
  ctx: DeployContext,
  name: string,
  changeSetName: string,
  creating: boolean,
): Promise<void> {
  if (creating) await deleteReviewStack(ctx, name);
  else await deleteChangeSet(ctx, name, changeSetName);
}

/** Deleting a REVIEW_IN_PROGRESS stack also deletes its change sets; it holds no resources. */
async function deleteReviewStack(ctx: DeployContext, name: string): Promise<void> {
  await ctx.clients.cloudFormation.send(
    new DeleteStackCommand({ StackName: name, RoleARN: ctx.serviceRoleArn }),
  );
}

async function deleteLeftoverStack(ctx: DeployContext, name: string, stack: Stack): Promise<void> {
  ctx.reporter.warn(
    `${name} is in ${stack.StackStatus} and cannot be updated: deleting it to create it again.`,
  );
  // A failed first create leaves nothing but retained resources, so protection guards nothing here.
  if (stack.EnableTerminationProtection) {
    await ctx.clients.cloudFormation.send(
      new UpdateTerminationProtectionCommand({
        StackName: name,
        EnableTerminationProtection: false,
      }),
    );
  }
  const result = await runStackOperation(ctx, name, stack.StackId ?? name, 'delete', () =>
    ctx.clients.cloudFormation.send(
      new DeleteStackCommand({ StackName: name, RoleARN: ctx.serviceRoleArn }),
    ),
  );
  if (!result.succeeded) {
    throw new UserError(
      `Could not delete the leftover stack ${name}.`,
      failureDetails(result.events),
    );
  }
}

async function protectInProd(
  ctx: DeployContext,
  name: string,
  stack: Stack | undefined,
): Promise<void> {
  if (ctx.env !== 'prod' || stack?.EnableTerminationProtection) return;
  await ctx.clients.cloudFormation.send(
    new UpdateTerminationProtectionCommand({ StackName: name, EnableTerminationProtection: true }),
  );
  ctx.reporter.line(`  termination protection turned on for ${name}`);
}
