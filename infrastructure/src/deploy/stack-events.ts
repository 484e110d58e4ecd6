import {
  DescribeStackEventsCommand,
  waitForStackCreateComplete,
  waitForStackDeleteComplete,
  waitForStackUpdateComplete,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { DeployContext } from './context';
import { errorMessage } from './errors';

export type StackOperation = 'create' | 'update' | 'delete';

const WAITERS = {
  create: waitForStackCreateComplete,
  update: waitForStackUpdateComplete,
  delete: waitForStackDeleteComplete,
} as const;

export interface OperationResult {
  readonly succeeded: boolean;
  /** Events of this operation, oldest first. */
  readonly events: readonly StackEvent[];
}

/**
 * Reads new stack events since a baseline. DescribeStackEvents pages newest first, so a poll
 * reads pages until it meets an event it has already seen.
 */
export class StackEventStream {
  private readonly seen = new Set<string>();
  readonly events: StackEvent[] = [];

  constructor(
    private readonly ctx: DeployContext,
    /** The stack id (ARN) once known: it still answers after the stack is deleted, the name does not. */
    private stackRef: string,
  ) {}

  /** Marks everything that already happened as seen, so only this operation's events are shown. */
  async baseline(): Promise<void> {
    for (const event of await this.readNew(1)) this.markSeen(event);
  }

  async poll(): Promise<StackEvent[]> {
    const fresh = (await this.readNew()).reverse();
    for (const event of fresh) {
      this.markSeen(event);
      this.events.push(event);
      if (event.StackId && this.stackRef !== event.StackId) this.stackRef = event.StackId;
    }
    return fresh;
  }

  private markSeen(event: StackEvent): void {
    if (event.EventId) this.seen.add(event.EventId);
  }

  private async readNew(maxPages = Infinity): Promise<StackEvent[]> {
    const fresh: StackEvent[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    try {
      do {
        const page = await this.ctx.clients.cloudFormation.send(
          new DescribeStackEventsCommand({ StackName: this.stackRef, NextToken: nextToken }),
        );
        pages += 1;
        for (const event of page.StackEvents ?? []) {
          if (event.EventId && this.seen.has(event.EventId)) return fresh;
          fresh.push(event);
        }
        nextToken = page.NextToken;
      } while (nextToken && pages < maxPages);
    } catch (error) {
      // A brand-new stack may not answer yet, a deleted one is gone by name; neither is fatal to a wait.
      if (!/does not exist/.test(errorMessage(error))) throw error;
    }
    return fresh;
  }
}

/**
 * Waits for a stack operation with the SDK waiter while streaming its events, so the operator
 * sees each resource as it settles and a progress line in between.
 */
export async function waitForStackOperation(
  ctx: DeployContext,
  stackName: string,
  operation: StackOperation,
  stream: StackEventStream,
  expectedResources?: number,
): Promise<OperationResult> {
  const { reporter, timing } = ctx;
  let settled = false;
  const waiter = WAITERS[operation](
    { client: ctx.clients.cloudFormation, ...timing.waiter },
    // By name: the delete waiter treats "does not exist" as success, which is what a delete wants.
    { StackName: stackName },
  ).finally(() => {
    settled = true;
  });

  let finished = 0;
  let stackStatus = `${operation.toUpperCase()}_IN_PROGRESS`;
  const show = (events: StackEvent[]) => {
    for (const event of events) {
      printEvent(ctx, event);
      const status = event.ResourceStatus ?? '';
      if (
        event.ResourceType === 'AWS::CloudFormation::Stack' &&
        event.LogicalResourceId === stackName
      )
        stackStatus = status;
      else if (/_COMPLETE$|_FAILED$|_SKIPPED$/.test(status)) finished += 1;
    }
    const total = expectedResources ? `/${expectedResources}` : '';
    reporter.progress(`${stackName}: ${stackStatus} · ${finished}${total} resources settled`);
  };

  show([]);
  while (!settled) {
    show(await stream.poll());
    await Promise.race([timing.sleep(timing.pollIntervalMs), waiter]);
  }
  show(await stream.poll());
  reporter.endProgress();
  const result = await waiter;
  return { succeeded: result.state === 'SUCCESS', events: stream.events };
}

function printEvent(ctx: DeployContext, event: StackEvent): void {
  const { reporter } = ctx;
  const status = event.ResourceStatus ?? '';
  const colour = status.endsWith('_FAILED')
    ? 'red'
    : status.endsWith('_COMPLETE')
      ? status.includes('ROLLBACK')
        ? 'yellow'
        : 'green'
      : 'gray';
  const time = event.Timestamp ? event.Timestamp.toISOString().slice(11, 19) : '--:--:--';
  const reason = event.ResourceStatusReason ? `  ${event.ResourceStatusReason}` : '';
  reporter.line(
    `  ${reporter.style('gray', time)}  ${reporter.style(colour, status.padEnd(28))} ${(event.ResourceType ?? '').padEnd(36)} ${event.LogicalResourceId ?? ''}${reason}`,
  );
}

/** Failed resources with their reasons; CloudFormation's "cancelled" follow-ups come after the root causes. */
export function failureDetails(events: readonly StackEvent[]): string[] {
  const failed = events.filter((event) => event.ResourceStatus?.endsWith('_FAILED'));
  const isFollowUp = (event: StackEvent) =>
    /cancelled|Resource creation cancelled|update cancelled/i.test(
      event.ResourceStatusReason ?? '',
    );
  const ordered = [...failed.filter((event) => !isFollowUp(event)), ...failed.filter(isFollowUp)];
  return ordered.map(
    (event) =>
      `${event.LogicalResourceId ?? '?'} (${event.ResourceType ?? '?'}) ${event.ResourceStatus}: ${event.ResourceStatusReason ?? 'no reason given'}`,
  );
}
