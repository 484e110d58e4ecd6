import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryOutput, Reporter } from './reporter';
import { ProgressView, StackEventStream, waitForStackOperation } from './stack-events';
import { OperationProgress, formatElapsed } from './stack-progress';
import { TerminalScreen } from './testing/terminal-screen';
import { FAST_TIMING, testContext } from './testing/test-context';

const NAME = 'mini-ecommerce-dev-ec2';
const T0 = Date.parse('2026-01-01T10:00:00Z');
let sequence = 0;

function event(logicalId: string, status: string, atSeconds: number, reason?: string): StackEvent {
  sequence += 1;
  return {
    EventId: `e${sequence}`,
    StackId: `arn:aws:cloudformation:eu-west-1:123456789012:stack/${NAME}/1`,
    StackName: NAME,
    LogicalResourceId: logicalId,
    ResourceType: logicalId === NAME ? 'AWS::CloudFormation::Stack' : 'AWS::EC2::Instance',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date(T0 + atSeconds * 1000),
  };
}

/** A clock the test moves by hand. */
function fakeClock() {
  let now = T0;
  return { now: () => now, advanceTo: (seconds: number) => (now = T0 + seconds * 1000) };
}

function view(out: TerminalScreen | MemoryOutput, clock: ReturnType<typeof fakeClock>) {
  const reporter = new Reporter(out, clock.now);
  const progress = new OperationProgress(NAME, 'create', clock.now(), 3);
  return {
    reporter,
    view: new ProgressView({ reporter, timing: { ...FAST_TIMING, now: clock.now } }, progress),
  };
}

describe('live progress on a terminal', () => {
  it('shows one line per resource in flight with its elapsed time, redrawn in place', () => {
    const clock = fakeClock();
    const screen = new TerminalScreen(80);
    const { view: live } = view(screen, clock);

    live.update([
      event(NAME, 'CREATE_IN_PROGRESS', 0, 'User Initiated'),
      event('ApiInstance', 'CREATE_IN_PROGRESS', 0),
      event('ApiRole', 'CREATE_IN_PROGRESS', 1),
    ]);
    clock.advanceTo(12);
    live.update([]);

    expect(screen.lines()).toEqual([
      `${NAME}  CREATE_IN_PROGRESS  0/3 settled  12s`,
      '  ApiInstance  CREATE_IN_PROGRESS  12s',
      '  ApiRole      CREATE_IN_PROGRESS  11s',
    ]);

    clock.advanceTo(75);
    live.update([
      event('ApiRole', 'CREATE_COMPLETE', 70),
      event('ApiAlarm', 'CREATE_IN_PROGRESS', 71),
    ]);

    // The settled resource is printed once, above the block; the block shows only what is in flight.
    expect(screen.lines()).toEqual([
      '  ApiRole  CREATE_COMPLETE  1m 09s',
      `${NAME}  CREATE_IN_PROGRESS  1/3 settled  1m 15s`,
      '  ApiInstance  CREATE_IN_PROGRESS  1m 15s',
      '  ApiAlarm     CREATE_IN_PROGRESS  4s',
    ]);
  });

  it('cuts lines to the terminal width so a redraw leaves no debris', () => {
    const clock = fakeClock();
    const screen = new TerminalScreen(30);
    const { view: live, reporter } = view(screen, clock);
    live.update([event('AVeryLongLogicalResourceIdIndeed', 'CREATE_IN_PROGRESS', 0)]);
    clock.advanceTo(3);
    live.update([]);
    reporter.endProgress();
    live.update([]);

    expect(screen.overflowed).toEqual([]);
    expect(screen.lines()).toEqual([
      // 29 characters: writing into the last column would wrap on some terminals.
      'mini-ecommerce-dev-ec2  CREA…',
      '  AVeryLongLogicalResourceId…',
    ]);
  });
});

describe('progress in CI (no terminal)', () => {
  const cf = mockClient(CloudFormationClient);
  afterEach(() => cf.reset());

  it('prints one plain line per status change, the failure reasons, and no control characters', async () => {
    const events = [
      [
        event(NAME, 'CREATE_IN_PROGRESS', 0, 'User Initiated'),
        event('ApiInstance', 'CREATE_IN_PROGRESS', 1),
      ],
      [event('ApiInstance', 'CREATE_IN_PROGRESS', 2, 'Resource creation Initiated')],
      [
        event('ApiInstance', 'CREATE_FAILED', 40, 'The image id ami-123 does not exist'),
        event('ApiAlarm', 'CREATE_FAILED', 41, 'Resource creation cancelled'),
        event(
          NAME,
          'CREATE_FAILED',
          42,
          'The following resource(s) failed to create: [ApiInstance]',
        ),
      ],
    ];
    let polls = 0;
    cf.on(DescribeStackEventsCommand).callsFake(() => {
      polls += 1;
      // Newest first, as CloudFormation pages them, and everything seen before is still there.
      return { StackEvents: [...events.slice(0, polls).flat()].reverse() };
    });
    cf.on(DescribeStacksCommand).callsFake(() => ({
      Stacks: [
        {
          StackName: NAME,
          CreationTime: new Date(T0),
          StackStatus: polls >= events.length ? 'CREATE_FAILED' : 'CREATE_IN_PROGRESS',
        },
      ],
    }));
    const ctx = testContext();
    const stream = new StackEventStream(ctx, NAME);

    const result = await waitForStackOperation(ctx, NAME, 'create', stream, 2);

    expect(result.succeeded).toBe(false);
    // The total is read from the events (0 s to 42 s), not from how long the test's polls took.
    expect(result.elapsedMs).toBe(42_000);
    const lines = ctx.output.text.split('\n').filter(Boolean);
    // The stack's own CREATE_IN_PROGRESS is what the operation starts in: not a change.
    expect(lines).toEqual([
      '  ApiInstance  CREATE_IN_PROGRESS  0s',
      '  ApiInstance  CREATE_FAILED  39s  The image id ami-123 does not exist',
      '  ApiAlarm  CREATE_FAILED  0s  Resource creation cancelled',
      `  ${NAME}  CREATE_FAILED  42s  The following resource(s) failed to create: [ApiInstance]`,
    ]);
    // No escape sequence, no carriage return: a CI log shows exactly these lines.
    expect([...ctx.output.text].filter((c) => c !== '\n' && c.charCodeAt(0) < 0x20)).toEqual([]);
  });
});

describe('a long wait in CI', () => {
  it('prints a line a minute while resources are in flight, so the log never looks stuck', () => {
    const clock = fakeClock();
    const out = new MemoryOutput();
    const { view: plain } = view(out, clock);
    plain.update([event('ApiInstance', 'CREATE_IN_PROGRESS', 0)]);
    clock.advanceTo(59);
    plain.update([]);
    clock.advanceTo(61);
    plain.update([]);
    clock.advanceTo(90);
    plain.update([]);

    expect(out.text.split('\n').filter(Boolean)).toEqual([
      '  ApiInstance  CREATE_IN_PROGRESS  0s',
      `  … ${NAME}  CREATE_IN_PROGRESS  0/3 settled  1m 01s, in flight: ApiInstance 1m 01s`,
    ]);
  });
});

describe('elapsed times', () => {
  it('read at a glance', () => {
    expect(
      [0, 12_400, 65_000, 3_725_000, 9 * 86_400_000 + 4 * 3_600_000].map(formatElapsed),
    ).toEqual(['0s', '12s', '1m 05s', '1h 02m', '9d 04h']);
  });
});
