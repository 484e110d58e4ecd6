import {
  CloudFormationClient,
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  RollbackStackCommand,
  type StackEvent,
  type StackStatus,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand } from './deploy-command';
import { UserError } from './errors';
import { testContext, testWorkspace, type TestContext } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const NAME = 'mini-ecommerce-dev-main';
const STACK_ID = `arn:aws:cloudformation:eu-west-1:123456789012:stack/${NAME}/1`;
let sequence = 0;

function event(logicalId: string, status: string, reason?: string): StackEvent {
  sequence += 1;
  return {
    EventId: `e${sequence}`,
    StackId: STACK_ID,
    StackName: NAME,
    LogicalResourceId: logicalId,
    ResourceType: logicalId === NAME ? 'AWS::CloudFormation::Stack' : 'AWS::S3::Bucket',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date(Date.parse('2026-01-01T10:00:00Z') + sequence * 1000),
  };
}

/** The stack's status, moved by the commands the test expects; DescribeStacks reads it. */
let status: StackStatus | undefined;
/** Events newest first, as DescribeStackEvents pages them. */
let events: StackEvent[];
const emit = (...fresh: StackEvent[]) => events.unshift(...fresh.reverse());

function mockStack(initial: StackStatus | undefined): void {
  status = initial;
  cf.on(DescribeStacksCommand).callsFake(() => {
    if (!status)
      throw Object.assign(new Error(`Stack with id ${NAME} does not exist`), {
        name: 'ValidationError',
      });
    return {
      Stacks: [
        { StackName: NAME, StackId: STACK_ID, StackStatus: status, CreationTime: new Date() },
      ],
    };
  });
  cf.on(DescribeStackEventsCommand).callsFake(() => ({ StackEvents: events }));
}

/** An update that fails on Images and keeps Logs (updated before the failure). */
function failingExecute(failedStatus: 'UPDATE_FAILED' | 'CREATE_FAILED'): void {
  const verb = failedStatus === 'CREATE_FAILED' ? 'CREATE' : 'UPDATE';
  cf.on(ExecuteChangeSetCommand).callsFakeOnce(() => {
    emit(
      event(NAME, `${verb}_IN_PROGRESS`),
      event('Logs', `${verb}_COMPLETE`),
      event('Images', `${verb}_FAILED`, 'mini-ecommerce-dev-images already exists'),
      event(NAME, failedStatus, 'The following resource(s) failed: [Images]'),
    );
    status = failedStatus;
    return {};
  });
}

async function interactive(answers: boolean[], overrides: Parameters<typeof testContext>[0] = {}) {
  const ctx = testContext({
    workspaceRoot: await testWorkspace(),
    rollback: false,
    yes: false,
    requireApproval: 'never',
    ...overrides,
  });
  ctx.output.isTTY = true;
  return {
    ...ctx,
    confirm: async (question: string) => {
      ctx.questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      return answer;
    },
  } satisfies TestContext;
}

beforeEach(() => {
  cf.reset();
  events = [];
  cf.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' });
  cf.on(DescribeChangeSetCommand).resolves({
    Status: 'CREATE_COMPLETE',
    Changes: [
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Modify',
          LogicalResourceId: 'Images',
          ResourceType: 'AWS::S3::Bucket',
        },
      },
    ],
  });
});
afterEach(() => cf.reset());

describe('infra:deploy --no-rollback', () => {
  it('executes with DisableRollback and, without a terminal, says what was kept and prints the exact commands', async () => {
    mockStack('UPDATE_COMPLETE');
    failingExecute('UPDATE_FAILED');
    const ctx = testContext({ workspaceRoot: await testWorkspace(), rollback: false });

    const error = (await deployCommand(ctx).catch((e: unknown) => e)) as UserError;

    expect(cf.commandCalls(ExecuteChangeSetCommand)[0]?.args[0].input.DisableRollback).toBe(true);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^Deploying mini-ecommerce-dev-main failed after \d+s at Images \(AWS::S3::Bucket\) UPDATE_FAILED: mini-ecommerce-dev-images already exists; the stack is now UPDATE_FAILED: its resources are kept for inspection; roll it back with `aws cloudformation rollback-stack --stack-name mini-ecommerce-dev-main --region eu-west-1`, or fix the cause and retry with `nx run infra:deploy --env dev --stack main --no-rollback`\.$/,
    );
    expect(error.details).toEqual([
      'kept for inspection (--no-rollback): Logs (AWS::S3::Bucket) UPDATE_COMPLETE',
    ]);
    expect(cf.commandCalls(RollbackStackCommand)).toHaveLength(0);
  });

  it('without the flag leaves rollback to CloudFormation', async () => {
    mockStack('UPDATE_COMPLETE');
    cf.on(ExecuteChangeSetCommand).callsFake(() => {
      status = 'UPDATE_ROLLBACK_COMPLETE';
      return {};
    });
    const ctx = testContext({ workspaceRoot: await testWorkspace() });
    await expect(deployCommand(ctx)).rejects.toThrow(
      /the stack is now UPDATE_ROLLBACK_COMPLETE: fix the cause/,
    );
    expect(
      cf.commandCalls(ExecuteChangeSetCommand)[0]?.args[0].input.DisableRollback,
    ).toBeUndefined();
  });

  it('on a terminal, offers to roll back and does so with RollbackStack', async () => {
    mockStack('UPDATE_COMPLETE');
    failingExecute('UPDATE_FAILED');
    cf.on(RollbackStackCommand).callsFake(() => {
      emit(
        event(NAME, 'UPDATE_ROLLBACK_IN_PROGRESS'),
        event('Logs', 'UPDATE_COMPLETE'),
        event(NAME, 'UPDATE_ROLLBACK_COMPLETE'),
      );
      status = 'UPDATE_ROLLBACK_COMPLETE';
      return {};
    });
    const ctx = await interactive([true]);

    await expect(deployCommand(ctx)).rejects.toThrow(
      'Deploying mini-ecommerce-dev-main failed and it was rolled back: fix the cause and run `nx run infra:deploy --env dev --stack main` again.',
    );
    expect(ctx.questions).toEqual([
      `Roll ${NAME} back to its last working version now (RollbackStack)?`,
    ]);
    expect(cf.commandCalls(RollbackStackCommand)[0]?.args[0].input).toEqual({ StackName: NAME });
    expect(ctx.output.text).toContain(
      'kept for inspection (--no-rollback): Logs (AWS::S3::Bucket) UPDATE_COMPLETE',
    );
  });

  it('on a terminal, offers to retry, and a retry that succeeds is a successful deploy', async () => {
    mockStack('UPDATE_COMPLETE');
    const ctx = await interactive([false, true]);
    // The retry, once the operator fixed the cause: this time the update goes through.
    cf.on(ExecuteChangeSetCommand).callsFake(() => {
      if (cf.commandCalls(ExecuteChangeSetCommand).length === 1) {
        emit(
          event(NAME, 'UPDATE_IN_PROGRESS'),
          event('Images', 'UPDATE_FAILED', 'mini-ecommerce-dev-images already exists'),
          event(NAME, 'UPDATE_FAILED'),
        );
        status = 'UPDATE_FAILED';
      } else {
        emit(
          event(NAME, 'UPDATE_IN_PROGRESS'),
          event('Images', 'UPDATE_COMPLETE'),
          event(NAME, 'UPDATE_COMPLETE'),
        );
        status = 'UPDATE_COMPLETE';
      }
      return {};
    });

    await deployCommand(ctx);

    expect(ctx.questions).toEqual([
      `Roll ${NAME} back to its last working version now (RollbackStack)?`,
      `Retry the deploy of ${NAME} now (once you fixed the cause)?`,
    ]);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(2);
    expect(cf.commandCalls(CreateChangeSetCommand)[1]?.args[0].input.ChangeSetType).toBe('UPDATE');
    expect(ctx.output.text).toMatch(/✔ mini-ecommerce-dev-main: UPDATE_COMPLETE in \d+s/);
  });

  it('on a terminal, offers to delete a failed create', async () => {
    mockStack(undefined);
    cf.on(CreateChangeSetCommand).callsFake(() => {
      status = 'REVIEW_IN_PROGRESS';
      return { Id: 'cs-1' };
    });
    failingExecute('CREATE_FAILED');
    cf.on(DeleteStackCommand).callsFake(() => {
      status = undefined;
      return {};
    });
    const ctx = await interactive([true]);

    await expect(deployCommand(ctx)).rejects.toThrow(/failed and it was deleted: fix the cause/);
    expect(ctx.questions).toEqual([
      `Delete ${NAME} now (it never completed a create; nothing of it is in service)?`,
    ]);
    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(1);
  });
});

describe('a stack found in UPDATE_ROLLBACK_FAILED', () => {
  beforeEach(() => {
    mockStack('UPDATE_ROLLBACK_FAILED');
    emit(
      event(NAME, 'UPDATE_IN_PROGRESS'),
      event('Images', 'UPDATE_FAILED', 'Access denied'),
      event(NAME, 'UPDATE_ROLLBACK_IN_PROGRESS'),
      event('Logs', 'UPDATE_COMPLETE'),
      event('Images', 'UPDATE_FAILED', 'Bucket policy cannot be restored: access denied'),
      event(NAME, 'UPDATE_ROLLBACK_FAILED'),
    );
  });

  it('without a terminal, names what failed to roll back and prints the continue command', async () => {
    const ctx = testContext({ workspaceRoot: await testWorkspace() });
    const error = (await deployCommand(ctx).catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      'Stack mini-ecommerce-dev-main is in UPDATE_ROLLBACK_FAILED: Images could not be rolled back; fix it or skip it with `aws cloudformation continue-update-rollback --stack-name mini-ecommerce-dev-main --resources-to-skip Images --region eu-west-1` then deploy again.',
    );
    expect(error.details).toEqual([
      'Images (AWS::S3::Bucket) UPDATE_FAILED: Bucket policy cannot be restored: access denied',
    ]);
    expect(cf.commandCalls(ContinueUpdateRollbackCommand)).toHaveLength(0);
    expect(cf.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('on a terminal, continues the rollback skipping them, then deploys', async () => {
    cf.on(ContinueUpdateRollbackCommand).callsFake(() => {
      emit(
        event(NAME, 'UPDATE_ROLLBACK_IN_PROGRESS'),
        event('Images', 'UPDATE_COMPLETE'),
        event(NAME, 'UPDATE_ROLLBACK_COMPLETE'),
      );
      status = 'UPDATE_ROLLBACK_COMPLETE';
      return {};
    });
    cf.on(ExecuteChangeSetCommand).callsFake(() => {
      status = 'UPDATE_COMPLETE';
      return {};
    });
    const ctx = await interactive([true], { rollback: true });

    await deployCommand(ctx);

    expect(ctx.questions).toEqual([
      `Continue the rollback of ${NAME}, skipping Images (ContinueUpdateRollback)?`,
    ]);
    expect(cf.commandCalls(ContinueUpdateRollbackCommand)[0]?.args[0].input).toEqual({
      StackName: NAME,
      ResourcesToSkip: ['Images'],
    });
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });
});

describe('a stack found in DELETE_FAILED', () => {
  it('names what could not be deleted and the command that finishes the delete', async () => {
    mockStack('DELETE_FAILED');
    emit(
      event(NAME, 'DELETE_IN_PROGRESS'),
      event('Logs', 'DELETE_COMPLETE'),
      event('Images', 'DELETE_FAILED', 'The bucket you tried to delete is not empty'),
      event(NAME, 'DELETE_FAILED'),
    );
    const ctx = testContext({ workspaceRoot: await testWorkspace() });
    const error = (await deployCommand(ctx).catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      'Stack mini-ecommerce-dev-main is in DELETE_FAILED: Images could not be deleted; delete it by hand and run `aws cloudformation delete-stack --stack-name mini-ecommerce-dev-main --region eu-west-1` (or keep it with --retain-resources Images), then deploy again.',
    );
    expect(error.details).toEqual([
      'Images (AWS::S3::Bucket) DELETE_FAILED: The bucket you tried to delete is not empty',
    ]);
    expect(cf.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });
});
