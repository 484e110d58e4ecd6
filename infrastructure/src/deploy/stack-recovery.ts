import {
  ContinueUpdateRollbackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  RollbackStackCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { DeployContext } from './context';
import { UserError } from './errors';
import {
  describeFailure,
  failureDetails,
  orderedFailures,
  runStackOperation,
  type OperationResult,
} from './stack-events';
import { formatElapsed } from './stack-progress';
import { describeStack } from './stack-state';

/**
 * The one-sentence failure of a stack operation: the first resource that failed, with its reason,
 * and what to do; the resources that failed after it follow as details.
 */
export function deployFailure(
  name: string,
  stack: Stack | undefined,
  result: OperationResult,
  whatToDo: string,
  extraDetails: readonly string[] = [],
): UserError {
  const [first, ...after] = orderedFailures(result.events);
  const status = stack?.StackStatus ?? 'stack gone';
  const cause = first
    ? `at ${describeFailure(first)}`
    : `(${status}${stack?.StackStatusReason ? `: ${stack.StackStatusReason}` : ''}; no failed resource reported, see the stack events in the CloudFormation console)`;
  return new UserError(
    `Deploying ${name} failed after ${formatElapsed(result.elapsedMs)} ${cause.replace(/\.$/, '')}; the stack is now ${status}: ${whatToDo}`,
    [...after.map((event) => `then ${describeFailure(event)}`), ...extraDetails],
  );
}

/** The resources this operation left in place: their last event settled without failing. */
function keptResources(events: readonly StackEvent[], name: string): string[] {
  const last = new Map<string, StackEvent>();
  for (const event of events)
    if (event.LogicalResourceId && event.LogicalResourceId !== name)
      last.set(event.LogicalResourceId, event);
  return [...last.values()]
    .filter((event) => /_COMPLETE$/.test(event.ResourceStatus ?? ''))
    .map((event) => `${event.LogicalResourceId} (${event.ResourceType}) ${event.ResourceStatus}`);
}

const asksOnTerminal = (ctx: DeployContext) => ctx.reporter.interactive && !ctx.options.yes;

const redeployCommand = (ctx: DeployContext) =>
  `nx run infra:deploy --env ${ctx.env}${ctx.options.stacks.length < 4 ? ` --stack ${ctx.options.stacks.join(',')}` : ''}`;

/**
 * After a failed deploy with --no-rollback (the stack in CREATE_FAILED or UPDATE_FAILED, its
 * resources kept): says what was kept, then on a terminal offers to roll back (or delete a
 * failed create) or to retry; elsewhere prints the commands that do either. Returns only when the
 * operator chose to retry and the retry succeeded.
 */
export async function recoverFromKeptFailure<T>(
  ctx: DeployContext,
  name: string,
  stack: Stack,
  result: OperationResult,
  retry: () => Promise<T>,
): Promise<T> {
  const { reporter } = ctx;
  const status = stack.StackStatus ?? '';
  const created = status === 'CREATE_FAILED';
  const kept = keptResources(result.events, name);
  const region = ` --region ${ctx.region}`;
  const undo = created
    ? `aws cloudformation delete-stack --stack-name ${name}${region}`
    : `aws cloudformation rollback-stack --stack-name ${name}${region}`;
  const keptLines = [
    `kept for inspection (--no-rollback): ${kept.length > 0 ? kept.join(', ') : 'no resource completed'}`,
  ];
  if (!asksOnTerminal(ctx)) {
    throw deployFailure(
      name,
      stack,
      result,
      `its resources are kept for inspection; ${created ? 'delete it' : 'roll it back'} with \`${undo}\`, or fix the cause and retry with \`${redeployCommand(ctx)} --no-rollback\`.`,
      keptLines,
    );
  }
  reporter.error(deployFailure(name, stack, result, 'its resources are kept.').message);
  for (const line of [...failureDetails(result.events).slice(1), ...keptLines])
    reporter.line(`    ${line}`);

  const undoQuestion = created
    ? `Delete ${name} now (it never completed a create; nothing of it is in service)?`
    : `Roll ${name} back to its last working version now (RollbackStack)?`;
  if (await ctx.confirm(undoQuestion)) {
    await (created ? deleteFailedCreate(ctx, name, stack) : rollBack(ctx, name, stack));
    throw new UserError(
      `Deploying ${name} failed and it was ${created ? 'deleted' : 'rolled back'}: fix the cause and run \`${redeployCommand(ctx)}\` again.`,
    );
  }
  if (await ctx.confirm(`Retry the deploy of ${name} now (once you fixed the cause)?`)) {
    reporter.line(`  retrying ${name}`);
    return retry();
  }
  throw new UserError(
    `${name} stays in ${status} with its resources kept: later, \`${undo}\` undoes it, or \`${redeployCommand(ctx)}\` retries.`,
  );
}

async function rollBack(ctx: DeployContext, name: string, stack: Stack): Promise<void> {
  const result = await runStackOperation(ctx, name, stack.StackId ?? name, 'rollback', () =>
    ctx.clients.cloudFormation.send(
      new RollbackStackCommand({ StackName: name, RoleARN: ctx.serviceRoleArn }),
    ),
  );
  if (!result.succeeded)
    throw deployFailure(
      name,
      await describeStack(ctx.clients.cloudFormation, name),
      result,
      'the rollback failed too; see the stack events in the CloudFormation console.',
    );
}

async function deleteFailedCreate(ctx: DeployContext, name: string, stack: Stack): Promise<void> {
  const result = await runStackOperation(ctx, name, stack.StackId ?? name, 'delete', () =>
    ctx.clients.cloudFormation.send(
      new DeleteStackCommand({ StackName: name, RoleARN: ctx.serviceRoleArn }),
    ),
  );
  if (!result.succeeded)
    throw new UserError(
      `Could not delete ${name}: delete the resources named below by hand, then the stack.`,
      failureDetails(result.events),
    );
}

/**
 * The resources that failed to roll back in the stack's last rollback: its events since the last
 * UPDATE_ROLLBACK_IN_PROGRESS of the stack itself, newest first, whose resource ended UPDATE_FAILED.
 */
function failedToRollBack(ctx: DeployContext, stack: Stack): Promise<StackEvent[]> {
  return failedSince(ctx, stack, 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_FAILED');
}

/**
 * A stack in DELETE_FAILED or ROLLBACK_FAILED (a failed create that could not be cleaned up) can
 * only be deleted, keeping what could not be: names those resources and the command.
 */
export async function stuckStackError(
  ctx: DeployContext,
  name: string,
  stack: Stack,
): Promise<UserError> {
  const failed = await failedSince(
    ctx,
    stack,
    stack.StackStatus === 'DELETE_FAILED' ? 'DELETE_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS',
    'DELETE_FAILED',
  );
  const ids = failed.map((event) => event.LogicalResourceId ?? '?');
  const what =
    ids.length > 0
      ? `${ids.join(', ')} could not be deleted`
      : 'a delete failed (no failed resource found in the events)';
  return new UserError(
    `Stack ${name} is in ${stack.StackStatus}: ${what}; delete ${ids.length === 1 ? 'it' : 'them'} by hand and run \`aws cloudformation delete-stack --stack-name ${name} --region ${ctx.region}\`${ids.length > 0 ? ` (or keep ${ids.length === 1 ? 'it' : 'them'} with --retain-resources ${ids.join(' ')})` : ''}, then deploy again.`,
    failed.map(describeFailure),
  );
}

async function failedSince(
  ctx: DeployContext,
  stack: Stack,
  phaseStart: string,
  failedStatus: string,
): Promise<StackEvent[]> {
  const name = stack.StackName ?? '';
  const latest = new Map<string, StackEvent>();
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: stack.StackId ?? name, NextToken: nextToken }),
    );
    for (const event of page.StackEvents ?? []) {
      if (event.LogicalResourceId === name && event.ResourceType === 'AWS::CloudFormation::Stack') {
        if (event.ResourceStatus === phaseStart)
          return [...latest.values()].filter((e) => e.ResourceStatus === failedStatus);
        continue;
      }
      if (event.LogicalResourceId && !latest.has(event.LogicalResourceId))
        latest.set(event.LogicalResourceId, event);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return [...latest.values()].filter((e) => e.ResourceStatus === failedStatus);
}

/**
 * A stack in UPDATE_ROLLBACK_FAILED accepts nothing but ContinueUpdateRollback. Names the
 * resources that could not be rolled back and, on a terminal, offers to continue the rollback
 * skipping them (their real state then differs from the template until the next deploy changes
 * them); elsewhere prints the command.
 */
export async function continueUpdateRollback(
  ctx: DeployContext,
  name: string,
  stack: Stack,
  planOnly: boolean,
): Promise<void> {
  const failed = await failedToRollBack(ctx, stack);
  const ids = failed.map((event) => event.LogicalResourceId ?? '?');
  const what =
    ids.length > 0
      ? `${ids.join(', ')} could not be rolled back`
      : 'its last rollback failed (no failed resource found in the events)';
  const command = `aws cloudformation continue-update-rollback --stack-name ${name}${ids.length > 0 ? ` --resources-to-skip ${ids.join(' ')}` : ''} --region ${ctx.region}`;
  const details = failed.map(describeFailure);
  if (planOnly || !asksOnTerminal(ctx)) {
    throw new UserError(
      `Stack ${name} is in UPDATE_ROLLBACK_FAILED: ${what}; fix ${ids.length === 1 ? 'it' : 'them'} or skip ${ids.length === 1 ? 'it' : 'them'} with \`${command}\`${planOnly ? ', or run infra:deploy on a terminal, which offers to,' : ''} then deploy again.`,
      details,
    );
  }
  ctx.reporter.warn(`${name} is in UPDATE_ROLLBACK_FAILED: ${what}.`);
  for (const line of details) ctx.reporter.line(`    ${line}`);
  const skip = ids.length > 0 ? `, skipping ${ids.join(', ')}` : '';
  if (!(await ctx.confirm(`Continue the rollback of ${name}${skip} (ContinueUpdateRollback)?`))) {
    throw new UserError(
      `Stack ${name} is still in UPDATE_ROLLBACK_FAILED: continue the rollback (\`${command}\`) before deploying.`,
      details,
    );
  }
  const result = await runStackOperation(ctx, name, stack.StackId ?? name, 'rollback', () =>
    ctx.clients.cloudFormation.send(
      new ContinueUpdateRollbackCommand({
        StackName: name,
        RoleARN: ctx.serviceRoleArn,
        ...(ids.length > 0 ? { ResourcesToSkip: ids } : {}),
      }),
    ),
  );
  if (!result.succeeded)
    throw deployFailure(
      name,
      await describeStack(ctx.clients.cloudFormation, name),
      result,
      `continuing the rollback failed; fix the resources named and run \`${command}\`.`,
    );
  ctx.reporter.success(`${name}: rollback completed${skip}`);
}
