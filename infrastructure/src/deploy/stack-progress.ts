import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { StackOperation } from './stack-events';

/** How many resources the live block lists before it says "and N more". */
const MAX_LIVE_RESOURCES = 12;

/** One resource's status moved: what a CI log prints as a line. */
export interface StatusChange {
  readonly logicalId: string;
  readonly status: string;
  readonly reason: string | undefined;
  /** Time in the current phase: since the resource went in flight, or since the operation began. */
  readonly elapsedMs: number;
  readonly settled: boolean;
  readonly failed: boolean;
}

interface ResourceState {
  status: string;
  /** When it went in flight (the event's timestamp, so times do not depend on the poll interval). */
  since: number;
}

const isSettled = (status: string) => /_COMPLETE$|_FAILED$|_SKIPPED$/.test(status);

/**
 * The state of one stack operation, built from its events: the stack's own status, which
 * resources are in flight and since when, how many have settled. Pure: the clock is passed in,
 * so the rendering is tested with a fake clock and a scripted event sequence.
 */
export class OperationProgress {
  private readonly resources = new Map<string, ResourceState>();
  private stackStatus: string;
  private settledCount = 0;
  /** The first event's time: the stack's own elapsed times are read on AWS's clock, not ours. */
  private firstEventAt: number | undefined;
  private lastEventAt = 0;

  constructor(
    readonly stackName: string,
    operation: StackOperation,
    readonly startedAt: number,
    private readonly expectedResources?: number,
  ) {
    this.stackStatus = `${operation.toUpperCase()}_IN_PROGRESS`;
  }

  /** Applies new events (oldest first) and returns the status changes they make. */
  apply(events: readonly StackEvent[]): StatusChange[] {
    const changes: StatusChange[] = [];
    for (const event of events) {
      const logicalId = event.LogicalResourceId ?? '?';
      const status = event.ResourceStatus ?? 'UNKNOWN';
      const at = event.Timestamp?.getTime() ?? this.startedAt;
      this.firstEventAt ??= at;
      this.lastEventAt = Math.max(this.lastEventAt, at);
      if (event.ResourceType === 'AWS::CloudFormation::Stack' && logicalId === this.stackName) {
        if (status === this.stackStatus) continue;
        this.stackStatus = status;
        changes.push({
          logicalId,
          status,
          reason: event.ResourceStatusReason,
          elapsedMs: Math.max(0, at - this.firstEventAt),
          settled: isSettled(status),
          failed: status.endsWith('_FAILED'),
        });
        continue;
      }
      const known = this.resources.get(logicalId);
      if (known?.status === status) continue;
      const settled = isSettled(status);
      // A settled resource that moves again (a rollback) starts a new phase.
      const since = known && !isSettled(known.status) ? known.since : at;
      this.resources.set(logicalId, { status, since });
      if (settled) this.settledCount += 1;
      changes.push({
        logicalId,
        status,
        reason: event.ResourceStatusReason,
        elapsedMs: Math.max(0, at - since),
        settled,
        failed: status.endsWith('_FAILED'),
      });
    }
    return changes;
  }

  /** From the first to the last event applied. */
  eventSpanMs(): number {
    return this.firstEventAt === undefined ? 0 : this.lastEventAt - this.firstEventAt;
  }

  /** Resources in flight, the longest-running first. */
  inFlight(): { logicalId: string; status: string; since: number }[] {
    return [...this.resources.entries()]
      .filter(([, state]) => !isSettled(state.status))
      .map(([logicalId, state]) => ({ logicalId, ...state }))
      .sort((a, b) => a.since - b.since || a.logicalId.localeCompare(b.logicalId));
  }

  /** The live block: the stack with its total elapsed time, then one line per resource in flight. */
  liveLines(now: number): string[] {
    // The change count is an estimate: a change may touch several resources, a rollback more.
    const total = this.expectedResources
      ? `/${Math.max(this.expectedResources, this.settledCount)}`
      : '';
    const header = `${this.stackName}  ${this.stackStatus}  ${this.settledCount}${total} settled  ${formatElapsed(now - this.startedAt)}`;
    const flying = this.inFlight();
    const shown = flying.slice(0, MAX_LIVE_RESOURCES);
    const width = Math.max(0, ...shown.map((resource) => resource.logicalId.length));
    const lines = shown.map(
      (resource) =>
        `  ${resource.logicalId.padEnd(width)}  ${resource.status}  ${formatElapsed(now - resource.since)}`,
    );
    if (flying.length > shown.length)
      lines.push(`  … and ${flying.length - shown.length} more in flight`);
    return [header, ...lines];
  }
}

/** `12s`, `3m 05s`, `1h 02m`, `9d 04h`: what a person reads at a glance. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`;
}
