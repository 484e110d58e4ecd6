import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  UpdateTerminationProtectionCommand,
  type DescribeChangeSetCommandOutput,
  type DescribeStacksCommandOutput,
  type StackEvent,
  type StackStatus,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployCommand } from './deploy-command';
import { UserError } from './errors';
import { committedOutputs } from './testing/committed-outputs';
import { stackNotFound, testContext, testWorkspace } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const NAME = 'mini-ecommerce-dev-main';
const STACK_ID = `arn:aws:cloudformation:eu-west-1:123456789012:stack/${NAME}/1`;

function event(
  id: string,
  logicalId: string,
  status: string,
  reason?: string,
  type = 'AWS::S3::Bucket',
): StackEvent {
  return {
    EventId: id,
    StackId: STACK_ID,
    StackName: NAME,
    LogicalResourceId: logicalId,
    ResourceType: type,
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date('2025-01-01T10:00:00Z'),
  };
}

const stack = (status: StackStatus, extra: object = {}): DescribeStacksCommandOutput => ({
  $metadata: {},
  Stacks: [
    { StackName: NAME, StackId: STACK_ID, StackStatus: status, CreationTime: new Date(), ...extra },
  ],
});

const CHANGES: DescribeChangeSetCommandOutput = {
  $metadata: {},
  Status: 'CREATE_COMPLETE',
  Changes: [
    {
      Type: 'Resource',
      ResourceChange: {
        Action: 'Add',
        LogicalResourceId: 'Bucket',
        ResourceType: 'AWS::S3::Bucket',
      },
    },
  ],
};

let root: string;
beforeEach(async () => {
  cf.reset();
  root = await testWorkspace();
  cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cf.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' });
  cf.on(DescribeChangeSetCommand).resolves(CHANGES);
  cf.on(ExecuteChangeSetCommand).resolves({});
});
afterEach(() => cf.reset());

describe('infra:deploy', () => {
  it('creates a missing stack through a CREATE change set, tagged, and saves its outputs', async () => {
    cf.on(DescribeStacksCommand)
      .rejectsOnce(stackNotFound(NAME))
      .resolves(
        stack('CREATE_COMPLETE', {
          Outputs: [{ OutputKey: 'BucketName', OutputValue: 'the-bucket' }],
        }),
      );
    const ctx = testContext({ workspaceRoot: root });

    await deployCommand(ctx);

    const create = cf.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(create).toMatchObject({
      StackName: NAME,
      ChangeSetType: 'CREATE',
      Parameters: [{ ParameterKey: 'Environment', ParameterValue: 'dev' }],
      Tags: expect.arrayContaining([
        { Key: 'Project', Value: 'mini-ecommerce' },
        { Key: 'Environment', Value: 'dev' },
      ]),
    });
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(ctx.output.text).toMatch(/\+ add\s+Bucket\s+AWS::S3::Bucket/);
    const saved = JSON.parse(
      await readFile(path.join(root, 'infrastructure', 'outputs', 'dev.json'), 'utf8'),
    );
    expect(saved.stacks.main).toEqual({ BucketName: 'the-bucket' });
    expect(ctx.output.text).toContain('main.BucketName = the-bucket');
    // Not prod: no termination protection.
    expect(cf.commandCalls(UpdateTerminationProtectionCommand)).toHaveLength(0);
  });

  it('updates an existing stack, keeping parameters that were not given again', async () => {
    const parameters = [
      { ParameterKey: 'Environment', ParameterValue: 'dev' },
      { ParameterKey: 'AlertEmail', ParameterValue: 'ops@example.com' },
    ];
    cf.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', { Parameters: parameters }));
    cf.on(DescribeStackEventsCommand)
      .resolvesOnce({
        StackEvents: [
          event('old', NAME, 'CREATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack'),
        ],
      })
      .resolves({
        StackEvents: [
          event('e2', NAME, 'UPDATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack'),
          event('e1', 'Bucket', 'UPDATE_COMPLETE'),
          event('old', NAME, 'CREATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack'),
        ],
      });
    const ctx = testContext({ workspaceRoot: root });

    await deployCommand(ctx);

    expect(cf.commandCalls(CreateChangeSetCommand)[0]?.args[0].input).toMatchObject({
      ChangeSetType: 'UPDATE',
      Parameters: [
        { ParameterKey: 'Environment', ParameterValue: 'dev' },
        { ParameterKey: 'AlertEmail', UsePreviousValue: true },
      ],
    });
    // Events of this update are streamed once each; the event from before the update is not.
    expect(ctx.output.text.match(/^ {2}Bucket {2}UPDATE_COMPLETE {2}\d+s$/gm)).toHaveLength(1);
    expect(ctx.output.text).not.toMatch(/CREATE_COMPLETE/);
  });

  it('treats an empty change set as success and deletes it', async () => {
    cf.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE'));
    cf.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    const ctx = testContext({ workspaceRoot: root });

    await deployCommand(ctx);

    expect(cf.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(ctx.output.text).toContain(`${NAME}: no changes`);
  });

  it('reports each failed resource with its reason and fails', async () => {
    cf.on(DescribeStacksCommand)
      .resolvesOnce(stack('UPDATE_COMPLETE'))
      .resolves(
        stack('UPDATE_ROLLBACK_COMPLETE', {
          StackStatusReason: 'The following resource(s) failed to update: [Bucket]',
        }),
      );
    cf.on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [] })
      .resolves({
        StackEvents: [
          event('e3', 'Topic', 'UPDATE_FAILED', 'Resource update cancelled', 'AWS::SNS::Topic'),
          event('e2', 'Bucket', 'UPDATE_FAILED', 'mini-ecommerce-dev-website already exists'),
          event('e1', 'Bucket', 'UPDATE_IN_PROGRESS'),
        ],
      });
    const ctx = testContext({ workspaceRoot: root });

    const error = await deployCommand(ctx).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    // One sentence: the root cause, the stack's state, what to do; the cancelled follow-up after it.
    expect((error as UserError).message).toMatch(
      /^Deploying mini-ecommerce-dev-main failed after \d+s at Bucket \(AWS::S3::Bucket\) UPDATE_FAILED: mini-ecommerce-dev-website already exists; the stack is now UPDATE_ROLLBACK_COMPLETE: fix the cause and run `nx run infra:deploy --env dev` again/,
    );
    expect((error as UserError).details).toEqual([
      'then Topic (AWS::SNS::Topic) UPDATE_FAILED: Resource update cancelled',
    ]);
  });

  it('deletes a stack left in ROLLBACK_COMPLETE and creates it again', async () => {
    cf.on(DescribeStacksCommand)
      .resolvesOnce(stack('ROLLBACK_COMPLETE')) // deployStack looks
      .rejectsOnce(stackNotFound(NAME)) // the delete waiter: gone
      .resolves(stack('CREATE_COMPLETE'));
    cf.on(DeleteStackCommand).resolves({});
    const ctx = testContext({ workspaceRoot: root });

    await deployCommand(ctx);

    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(1);
    expect(cf.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.ChangeSetType).toBe('CREATE');
    expect(ctx.output.text).toContain('ROLLBACK_COMPLETE and cannot be updated');
  });

  it('turns termination protection on in prod', async () => {
    const prodName = 'mini-ecommerce-prod-main';
    cf.on(DescribeStacksCommand)
      .rejectsOnce(stackNotFound(prodName))
      .resolves({
        Stacks: [
          {
            StackName: prodName,
            StackStatus: 'CREATE_COMPLETE' as const,
            CreationTime: new Date(),
          },
        ],
      });
    cf.on(UpdateTerminationProtectionCommand).resolves({});
    const ctx = testContext({ workspaceRoot: root, env: 'prod' });

    await deployCommand(ctx);

    expect(cf.commandCalls(UpdateTerminationProtectionCommand)[0]?.args[0].input).toEqual({
      StackName: prodName,
      EnableTerminationProtection: true,
    });
  });

  it('--dry-run shows the change set, executes nothing and leaves nothing behind', async () => {
    cf.on(DescribeStacksCommand).rejects(stackNotFound(NAME));
    cf.on(DeleteStackCommand).resolves({});
    const ctx = testContext({ workspaceRoot: root, dryRun: true, yes: false });

    await deployCommand(ctx);

    expect(ctx.output.text).toMatch(/\+ add\s+Bucket/);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(ctx.questions).toEqual([]);
    // The CREATE change set made an empty REVIEW_IN_PROGRESS stack; it is removed.
    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(1);
  });

  it('asks before executing without --yes, and a "no" executes nothing', async () => {
    cf.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE'));
    cf.on(DeleteChangeSetCommand).resolves({});
    // Adding a bucket widens nothing: only --require-approval any-change asks about it.
    const ctx = testContext({
      workspaceRoot: root,
      yes: false,
      answer: false,
      requireApproval: 'any-change',
    });

    await expect(deployCommand(ctx)).rejects.toThrow(/Cancelled/);

    expect(ctx.questions).toEqual([`Execute this change set on ${NAME}?`]);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cf.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('highlights a stateful resource that would be replaced', async () => {
    cf.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE'));
    cf.on(DescribeChangeSetCommand).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [
        {
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'ProductsTable',
            ResourceType: 'AWS::DynamoDB::Table',
            Replacement: 'True',
          },
        },
      ],
    });
    const ctx = testContext({ workspaceRoot: root, dryRun: true });
    cf.on(DeleteChangeSetCommand).resolves({});

    await deployCommand(ctx);

    expect(ctx.output.text).toMatch(
      /± replace\s+ProductsTable\s+AWS::DynamoDB::Table\s+yes\s+STATEFUL: data at risk/,
    );
    expect(ctx.output.text).toContain(
      '1 stateful resource would be replaced or removed: ProductsTable',
    );
  });

  it('rejects a --parameters key no template declares', async () => {
    const ctx = testContext({ workspaceRoot: root, parameters: { AlertEmial: 'x' } });
    await expect(deployCommand(ctx)).rejects.toThrow(/Unknown parameter AlertEmial/);
    expect(cf.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });
});

describe('infra:deploy, API origin', () => {
  it('points CloudFront /api/* at the API once the ec2 stack exists', async () => {
    const ec2 = 'mini-ecommerce-dev-ec2';
    cf.on(DescribeStacksCommand).rejects(stackNotFound('other'));
    cf.on(DescribeStacksCommand, { StackName: NAME }).resolves(
      stack('UPDATE_COMPLETE', {
        Parameters: [{ ParameterKey: 'ApiOriginDomain', ParameterValue: '' }],
      }),
    );
    cf.on(DescribeStacksCommand, { StackName: ec2 }).resolves({
      Stacks: [
        {
          StackName: ec2,
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: committedOutputs('ec2', {
            ApiUrl: 'http://ec2-1-2-3-4.eu-west-1.compute.amazonaws.com:3001',
          }),
        },
      ],
    });
    cf.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason: 'No updates are to be performed.',
    });
    cf.on(DeleteChangeSetCommand).resolves({});
    const template = `Parameters:\n  Environment:\n    Type: String\n  ApiOriginDomain:\n    Type: String\n    Default: ''\n  ApiOriginPort:\n    Type: Number\n    Default: 3001\nResources: {}\n`;
    const ctx = testContext({
      workspaceRoot: await testWorkspace(template),
      stacks: ['main', 'ec2'],
    });

    await deployCommand(ctx);

    const mainChangeSets = cf
      .commandCalls(CreateChangeSetCommand)
      .filter((call) => call.args[0].input.StackName === NAME);
    expect(mainChangeSets).toHaveLength(2);
    expect(mainChangeSets[1]?.args[0].input.Parameters).toEqual(
      expect.arrayContaining([
        {
          ParameterKey: 'ApiOriginDomain',
          ParameterValue: 'ec2-1-2-3-4.eu-west-1.compute.amazonaws.com',
        },
        { ParameterKey: 'ApiOriginPort', ParameterValue: '3001' },
      ]),
    );
  });
});
