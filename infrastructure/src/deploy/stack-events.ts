import {
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type CloudFormationClient,
  waitForStackCreateComplete,
  waitForStackDeleteComplete,
  waitForStackUpdateComplete,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { DeployContext } from './context';
import { errorMessage } from './errors';
import { OperationProgress, formatElapsed } from './stack-progress';
import { sleep } from './timing';

/** `rollback` covers RollbackStack and ContinueUpdateRollback, which end in either *ROLLBACK_COMPLETE. */
export type StackOperation = 'create' | 'update' | 'delete' | 'rollback';

const WAITERS = {
  create: waitForStackCreateComplete,
  update: waitForStackUpdateComplete,
  delete: waitForStackDeleteComplete,
  // The SDK's rollback waiter knows only UPDATE_ROLLBACK_COMPLETE; a failed create rolls back to
  // ROLLBACK_COMPLETE.
  rollback: waitForRollback,
} as const;

/** Polls until the stack leaves *_IN_PROGRESS; success when it ends rolled back. */
async function waitForRollback(
  params: { client: CloudFormationClient; maxWaitTime: number; minDelay: number },
  input: { StackName: string },
): Promise<{ state: 'SUCCESS' | 'FAILURE' | 'TIMEOUT'; reason?: unknown }> {
  const deadline = Date.now() + params.maxWaitTime * 1000;
  for (;;) {
    const { Stacks } = await params.client.send(new DescribeStacksCommand(input));
    const status = Stacks?.[0]?.StackStatus ?? '';
    if (!status.endsWith('_IN_PROGRESS'))
      return { state: /ROLLBACK_COMPLETE$/.test(status) ? 'SUCCESS' : 'FAILURE', reason: status };
    if (Date.now() > deadline) return { state: 'TIMEOUT', reason: status };
    await sleep(params.minDelay * 1000);
  }
}

export interface OperationResult {
  readonly succeeded: boolean;
  /** Events of this operation, oldest first. */
  readonly events: readonly StackEvent[];
  /** From the start of the wait to the stack's final status. */
  readonly elapsedMs: number;
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
 * Starts a stack operation (`start` sends its request) after taking the event baseline, then
 * waits for it as waitForStackOperation does. `streamId` is the stack id where one is known, so
 * the events of a stack being deleted stay readable.
 */
export async function runStackOperation(
  ctx: DeployContext,
  stackName: string,
  streamId: string,
  operation: StackOperation,
  start: () => Promise<unknown>,
  expectedResources?: number,
): Promise<OperationResult> {
  const stream = new StackEventStream(ctx, streamId);
  await stream.baseline();
  await start();
  return waitForStackOperation(ctx, stackName, operation, stream, expectedResources);
}

/**
 * Waits for a stack operation with the SDK waiter while streaming its events: on a terminal, one
 * line per resource in flight with its elapsed time, redrawn in place; elsewhere one plain line
 * per status change. Settled resources are printed as permanent lines in both.
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

  const progress = new OperationProgress(stackName, operation, timing.now(), expectedResources);
  const view = new ProgressView(ctx, progress);
  try {
    view.update([]);
    while (!settled) {
      view.update(await stream.poll());
      await Promise.race([timing.sleep(timing.pollIntervalMs), waiter]);
    }
    view.update(await stream.poll());
  } finally {
    reporter.endProgress();
  }
  const result = await waiter;
  // The events' own span where there is one: AWS's clock, independent of how often we polled.
  const elapsedMs = Math.max(timing.now() - progress.startedAt, progress.eventSpanMs());
  return { succeeded: result.state === 'SUCCESS', events: stream.events, elapsedMs };
}

/** In CI, a line at least this often while resources are in flight, so a log never looks stuck. */
const CI_HEARTBEAT_MS = 60_000;

/** Puts an operation's progress on the reporter: the live block on a terminal, plain lines elsewhere. */
export class ProgressView {
  private lastLineAt: number;

  constructor(
    private readonly ctx: Pick<DeployContext, 'reporter' | 'timing'>,
    private readonly progress: OperationProgress,
  ) {
    this.lastLineAt = ctx.timing.now();
  }

  update(events: readonly StackEvent[]): void {
    const { reporter, timing } = this.ctx;
    const changes = this.progress.apply(events);
    const now = timing.now();
    if (changes.length > 0) this.lastLineAt = now;
    else if (!reporter.interactive && now - this.lastLineAt >= CI_HEARTBEAT_MS) {
      const flying = this.progress.inFlight();
      if (flying.length > 0) {
        this.lastLineAt = now;
        const [header] = this.progress.liveLines(now);
        reporter.line(
          `  … ${header}, in flight: ${flying.map((resource) => `${resource.logicalId} ${formatElapsed(now - resource.since)}`).join(', ')}`,
        );
      }
    }
    for (const change of changes) {
      // On a terminal the live block shows what is in flight; only what settled is kept.
      if (reporter.interactive && !change.settled) continue;
      const colour = change.failed
        ? 'red'
        : change.settled
          ? change.status.includes('ROLLBACK') || change.status.startsWith('DELETE')
            ? 'yellow'
            : 'green'
          : 'gray';
      const reason = change.reason && change.failed ? `  ${change.reason}` : '';
      reporter.line(
        `  ${change.logicalId}  ${reporter.style(colour, change.status)}  ${formatElapsed(change.elapsedMs)}${reason}`,
      );
    }
    reporter.live(() => this.progress.liveLines(timing.now()));
  }
}

/** A failed resource, as the operator reads it. */
export function describeFailure(event: StackEvent): string {
  return `${event.LogicalResourceId ?? '?'} (${event.ResourceType ?? '?'}) ${event.ResourceStatus}: ${event.ResourceStatusReason ?? 'no reason given'}`;
}

/**
 * Failed resources with their reasons: the first that failed on its own first (the root cause),
 * then the others in the order they failed, CloudFormation's "cancelled" follow-ups last.
 */
export function failureDetails(events: readonly StackEvent[]): string[] {
  return orderedFailures(events).map(describeFailure);
}

export function orderedFailures(events: readonly StackEvent[]): StackEvent[] {
  const failed = events.filter(
    (event) =>
      event.ResourceStatus?.endsWith('_FAILED') &&
      event.ResourceType !== 'AWS::CloudFormation::Stack',
  );
  const isFollowUp = (event: StackEvent) => /cancelled/i.test(event.ResourceStatusReason ?? '');
  return [...failed.filter((event) => !isFollowUp(event)), ...failed.filter(isFollowUp)];
}
