import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
  type DescribeStacksCommandOutput,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteAliasCommand,
  DescribeKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DeleteParameterCommand, GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { destroyCommand } from './destroy-command';
import { stackNotFound, testContext } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);
const ssm = mockClient(SSMClient);
const dynamoDb = mockClient(DynamoDBClient);
const logs = mockClient(CloudWatchLogsClient);
const kms = mockClient(KMSClient);

const deployed = (name: string, protectedStack = false): DescribeStacksCommandOutput => ({
  $metadata: {},
  Stacks: [
    {
      StackName: name,
      StackId: `arn:${name}`,
      StackStatus: 'UPDATE_COMPLETE',
      CreationTime: new Date(),
      EnableTerminationProtection: protectedStack,
    },
  ],
});

beforeEach(() => {
  for (const mock of [cf, s3, ssm, dynamoDb, logs, kms]) mock.reset();
  cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cf.on(GetTemplateCommand).resolves({ TemplateBody: 'Resources: {}' });
  ssm.on(GetParametersByPathCommand).resolves({ Parameters: [] });
  cf.on(DeleteStackCommand).resolves({});
  cf.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [] });
});

describe('infra:destroy', () => {
  it('refuses prod without --force before touching anything', async () => {
    const ctx = testContext({
      env: 'prod',
      command: 'destroy',
      stacks: ['main', 'database', 'ec2', 'monitoring'],
    });
    await expect(destroyCommand(ctx)).rejects.toThrow('Refusing to destroy prod without --force');
    expect(cf.calls()).toHaveLength(0);
  });

  it('with --force in prod turns termination protection off, then deletes', async () => {
    const name = 'mini-ecommerce-prod-monitoring';
    cf.on(DescribeStacksCommand).resolvesOnce(deployed(name, true)).rejects(stackNotFound(name));
    cf.on(UpdateTerminationProtectionCommand).resolves({});
    const ctx = testContext({
      env: 'prod',
      command: 'destroy',
      stacks: ['monitoring'],
      force: true,
    });

    await destroyCommand(ctx);

    expect(cf.commandCalls(UpdateTerminationProtectionCommand)[0]?.args[0].input).toEqual({
      StackName: name,
      EnableTerminationProtection: false,
    });
    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(1);
  });

  it("hands the deletion to the environment's CloudFormation service role when it is bootstrapped", async () => {
    const name = 'mini-ecommerce-dev-monitoring';
    const role =
      'arn:aws:iam::123456789012:role/mini-ecommerce-bootstrap/mini-ecommerce-dev-cloudformation';
    cf.on(DescribeStacksCommand).resolvesOnce(deployed(name)).rejects(stackNotFound(name));
    const ctx = {
      ...testContext({ command: 'destroy', stacks: ['monitoring'] }),
      serviceRoleArn: role,
    };

    await destroyCommand(ctx);

    expect(cf.commandCalls(DeleteStackCommand).map((call) => call.args[0].input)).toEqual([
      { StackName: name, RoleARN: role },
    ]);
  });

  it('deletes with the caller’s rights (no RoleARN) in an environment not bootstrapped', async () => {
    const name = 'mini-ecommerce-dev-monitoring';
    cf.on(DescribeStacksCommand).resolvesOnce(deployed(name)).rejects(stackNotFound(name));

    await destroyCommand(testContext({ command: 'destroy', stacks: ['monitoring'] }));

    expect(cf.commandCalls(DeleteStackCommand).map((call) => call.args[0].input)).toEqual([
      { StackName: name },
    ]);
  });

  it('deletes in reverse dependency order', async () => {
    for (const id of ['main', 'database', 'ec2', 'monitoring']) {
      const name = `mini-ecommerce-dev-${id}`;
      cf.on(DescribeStacksCommand, { StackName: name })
        .resolvesOnce(deployed(name))
        .rejects(stackNotFound(name));
    }
    const ctx = testContext({
      command: 'destroy',
      stacks: ['main', 'database', 'ec2', 'monitoring'],
    });

    await destroyCommand(ctx);

    expect(cf.commandCalls(DeleteStackCommand).map((call) => call.args[0].input.StackName)).toEqual(
      [
        'mini-ecommerce-dev-monitoring',
        'mini-ecommerce-dev-ec2',
        'mini-ecommerce-dev-database',
        'mini-ecommerce-dev-main',
      ],
    );
  });

  it('empties a versioned bucket (every version and delete marker, every page) before deleting the stack', async () => {
    const name = 'mini-ecommerce-dev-main';
    cf.on(DescribeStacksCommand).resolvesOnce(deployed(name)).rejects(stackNotFound(name));
    cf.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        {
          LogicalResourceId: 'WebsiteBucket',
          PhysicalResourceId: 'mini-ecommerce-dev-website',
          ResourceType: 'AWS::S3::Bucket',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
        {
          LogicalResourceId: 'Topic',
          PhysicalResourceId: 'arn:topic',
          ResourceType: 'AWS::SNS::Topic',
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        },
      ],
    });
    s3.on(ListObjectVersionsCommand)
      .resolvesOnce({
        Versions: [
          { Key: 'index.html', VersionId: 'v2' },
          { Key: 'index.html', VersionId: 'v1' },
        ],
        DeleteMarkers: [{ Key: 'old.js', VersionId: 'm1' }],
        IsTruncated: true,
        NextKeyMarker: 'index.html',
        NextVersionIdMarker: 'v1',
      })
      .resolvesOnce({ Versions: [{ Key: 'z.css', VersionId: 'v9' }], IsTruncated: false });
    const order: string[] = [];
    s3.on(DeleteObjectsCommand).callsFake(() => (order.push('empty'), { Deleted: [] }));
    cf.on(DeleteStackCommand).callsFake(() => (order.push('delete stack'), {}));
    const ctx = testContext({ command: 'destroy', stacks: ['main'] });

    await destroyCommand(ctx);

    expect(s3.commandCalls(ListObjectVersionsCommand)[1]?.args[0].input).toMatchObject({
      KeyMarker: 'index.html',
      VersionIdMarker: 'v1',
    });
    expect(
      s3.commandCalls(DeleteObjectsCommand).map((call) => call.args[0].input.Delete?.Objects),
    ).toEqual([
      [
        { Key: 'index.html', VersionId: 'v2' },
        { Key: 'index.html', VersionId: 'v1' },
        { Key: 'old.js', VersionId: 'm1' },
      ],
      [{ Key: 'z.css', VersionId: 'v9' }],
    ]);
    // The bucket is empty before CloudFormation is asked to delete it.
    expect(order).toEqual(['empty', 'empty', 'delete stack']);
    expect(ctx.output.text).toContain(
      'emptied mini-ecommerce-dev-website (4 versions and delete markers)',
    );
  });

  it('deletes a bucket the template retained, outside prod, so the next deploy can create it again', async () => {
    const name = 'mini-ecommerce-dev-main';
    cf.on(DescribeStacksCommand).resolvesOnce(deployed(name)).rejects(stackNotFound(name));
    cf.on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [] })
      .resolves({
        StackEvents: [
          {
            EventId: 'e1',
            StackId: `arn:${name}`,
            StackName: name,
            LogicalResourceId: 'ImagesBucket',
            PhysicalResourceId: 'mini-ecommerce-dev-images',
            ResourceType: 'AWS::S3::Bucket',
            ResourceStatus: 'DELETE_SKIPPED',
            Timestamp: new Date(),
          },
        ],
      });
    s3.on(DeleteBucketCommand).resolves({});
    const ctx = testContext({ command: 'destroy', stacks: ['main'] });

    await destroyCommand(ctx);

    expect(s3.commandCalls(DeleteBucketCommand)[0]?.args[0].input).toEqual({
      Bucket: 'mini-ecommerce-dev-images',
    });
  });

  it('asks before deleting without --yes, and a "no" deletes nothing', async () => {
    const name = 'mini-ecommerce-dev-main';
    cf.on(DescribeStacksCommand).resolves(deployed(name));
    const ctx = testContext({ command: 'destroy', stacks: ['main'], yes: false, answer: false });

    await expect(destroyCommand(ctx)).rejects.toThrow('Cancelled: nothing was deleted.');
    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });
});

/** Three stacks as deployed: what each holds, and the template's DeletionPolicy of each. */
const RESOURCES: Record<
  string,
  [logicalId: string, type: string, physicalId: string, retain?: true][]
> = {
  main: [
    ['LogsKey', 'AWS::KMS::Key', 'key-logs', true],
    ['LogsKeyAlias', 'AWS::KMS::Alias', 'alias/mini-ecommerce-ENV-logs'],
    ['FlowLogGroup', 'AWS::Logs::LogGroup', '/mini-ecommerce/ENV/vpc-flow-logs', true],
    ['ImagesBucket', 'AWS::S3::Bucket', 'mini-ecommerce-ENV-images', true],
  ],
  database: [['ProductsTable', 'AWS::DynamoDB::Table', 'mini-ecommerce-ENV-products', true]],
  ec2: [
    ['AppLogGroup', 'AWS::Logs::LogGroup', '/mini-ecommerce/ENV/api', true],
    ['AppEnvParameter', 'AWS::SSM::Parameter', '/mini-ecommerce/ENV/app-env'],
  ],
};

function deployStacks(env: 'dev' | 'staging' | 'prod'): void {
  for (const [id, resources] of Object.entries(RESOURCES)) {
    const name = `mini-ecommerce-${env}-${id}`;
    cf.on(DescribeStacksCommand, { StackName: name })
      .resolvesOnce(deployed(name, env === 'prod'))
      .rejects(stackNotFound(name));
    cf.on(ListStackResourcesCommand, { StackName: name }).resolves({
      StackResourceSummaries: resources.map(
        ([logicalId, type, physicalId]): StackResourceSummary => ({
          LogicalResourceId: logicalId,
          PhysicalResourceId: physicalId.replace('ENV', env),
          ResourceType: type,
          ResourceStatus: 'CREATE_COMPLETE',
          LastUpdatedTimestamp: new Date(),
        }),
      ),
    });
    const template = resources
      .map(
        ([logicalId, type, , retain]) =>
          `  ${logicalId}:\n    Type: ${type}\n${retain ? '    DeletionPolicy: Retain\n' : ''}`,
      )
      .join('');
    cf.on(GetTemplateCommand, { StackName: name }).resolves({
      TemplateBody: `Resources:\n${template}`,
    });
  }
  // Written by api:deploy, not by the ec2 stack; the third is somebody else's.
  ssm.on(GetParametersByPathCommand).resolves({
    Parameters: [
      { Name: `/mini-ecommerce/${env}/app-env` },
      { Name: `/mini-ecommerce/${env}/jwt-secret` },
      { Name: `/mini-ecommerce/${env}/api-release` },
      { Name: `/mini-ecommerce/${env}/hand-made` },
    ],
  });
  s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: 'a.png', VersionId: 'v1' }] });
  s3.on(DeleteObjectsCommand).resolves({});
  s3.on(DeleteBucketCommand).resolves({});
  cf.on(UpdateTerminationProtectionCommand).resolves({});
  dynamoDb.on(DeleteTableCommand).resolves({});
  dynamoDb.on(DescribeTableCommand).rejects(
    Object.assign(new Error('Requested resource not found'), {
      name: 'ResourceNotFoundException',
    }),
  );
  logs.on(DeleteLogGroupCommand).resolves({});
  ssm.on(DeleteParameterCommand).resolves({});
  kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'key-logs', KeyState: 'Enabled' } });
  kms.on(ListAliasesCommand).resolves({
    Aliases: [{ AliasName: `alias/mini-ecommerce-${env}-logs`, TargetKeyId: 'key-logs' }],
  });
  kms.on(DeleteAliasCommand).resolves({});
  kms.on(ScheduleKeyDeletionCommand).resolves({
    KeyId: 'key-logs',
    KeyState: 'PendingDeletion',
    DeletionDate: new Date('2030-01-08T00:00:00Z'),
  });
}

const STACKS = ['main', 'database', 'ec2'] as const;

/** Every call that deletes or empties data, whatever the client. */
function dataDeletions(): string[] {
  return [
    ...s3.commandCalls(DeleteObjectsCommand).map(() => 'DeleteObjects'),
    ...s3.commandCalls(ListObjectVersionsCommand).map(() => 'ListObjectVersions'),
    ...s3.commandCalls(DeleteBucketCommand).map((c) => `DeleteBucket ${c.args[0].input.Bucket}`),
    ...dynamoDb
      .commandCalls(DeleteTableCommand)
      .map((c) => `DeleteTable ${c.args[0].input.TableName}`),
    ...logs
      .commandCalls(DeleteLogGroupCommand)
      .map((c) => `DeleteLogGroup ${c.args[0].input.logGroupName}`),
    ...ssm
      .commandCalls(DeleteParameterCommand)
      .map((c) => `DeleteParameter ${c.args[0].input.Name}`),
    ...kms.commandCalls(DeleteAliasCommand).map((c) => `DeleteAlias ${c.args[0].input.AliasName}`),
    ...kms
      .commandCalls(ScheduleKeyDeletionCommand)
      .map((c) => `ScheduleKeyDeletion ${c.args[0].input.KeyId}`),
  ];
}

describe('infra:destroy and the data the templates retain', () => {
  it('in dev deletes everything after one question naming it: tables, log groups, buckets, api:deploy parameters, keys scheduled', async () => {
    deployStacks('dev');
    const ctx = testContext({ command: 'destroy', stacks: [...STACKS], yes: false });

    await destroyCommand(ctx);

    expect(ctx.questions).toEqual([
      'Delete these 3 stack(s), deleting 1 tables, 2 log groups, 1 buckets, 1 KMS keys (scheduled for deletion in 7 days), 3 SSM parameters (listed above)?',
    ]);
    // Listed above the question, by name, api:deploy's parameters marked as such.
    expect(ctx.output.text).toContain('tables: mini-ecommerce-dev-products');
    expect(ctx.output.text).toContain(
      'SSM parameters: /mini-ecommerce/dev/app-env, /mini-ecommerce/dev/jwt-secret (from api:deploy), /mini-ecommerce/dev/api-release (from api:deploy)',
    );
    expect(ctx.output.text).not.toContain('hand-made');
    expect(dataDeletions().sort()).toEqual(
      [
        'ListObjectVersions',
        'DeleteObjects',
        'DeleteBucket mini-ecommerce-dev-images',
        'DeleteTable mini-ecommerce-dev-products',
        'DeleteLogGroup /mini-ecommerce/dev/vpc-flow-logs',
        'DeleteLogGroup /mini-ecommerce/dev/api',
        // CloudFormation deleted app-env with its stack; these two it never had.
        'DeleteParameter /mini-ecommerce/dev/jwt-secret',
        'DeleteParameter /mini-ecommerce/dev/api-release',
        'DeleteAlias alias/mini-ecommerce-dev-logs',
        'ScheduleKeyDeletion key-logs',
      ].sort(),
    );
    expect(kms.commandCalls(ScheduleKeyDeletionCommand)[0]?.args[0].input).toEqual({
      KeyId: 'key-logs',
      PendingWindowInDays: 7,
    });
    // The table's name is free only once DescribeTable no longer finds it.
    expect(dynamoDb.commandCalls(DescribeTableCommand).length).toBeGreaterThan(0);
    for (const line of [
      'deleted table mini-ecommerce-dev-products',
      'deleted log group /mini-ecommerce/dev/api',
      'deleted bucket mini-ecommerce-dev-images',
      'deleted SSM parameter /mini-ecommerce/dev/jwt-secret',
      'deleted KMS alias alias/mini-ecommerce-dev-logs',
      'KMS key key-logs scheduled for deletion on 2030-01-08',
    ])
      expect(ctx.output.text).toContain(line);
  });

  it('in prod, even with --force, deletes the stacks and keeps (never empties) what the templates retain', async () => {
    deployStacks('prod');
    const ctx = testContext({
      env: 'prod',
      command: 'destroy',
      stacks: [...STACKS],
      force: true,
      yes: false,
    });

    await destroyCommand(ctx);

    expect(cf.commandCalls(DeleteStackCommand)).toHaveLength(3);
    expect(dataDeletions()).toEqual([]);
    expect(ctx.questions).toEqual([
      'Delete these 3 stack(s), deleting 1 SSM parameters, keeping 1 tables, 2 log groups, 1 buckets, 1 KMS keys, 2 SSM parameters (listed above)?',
    ]);
    expect(ctx.output.text).toContain('the data the templates retain is kept');
    expect(ctx.output.text).toContain('kept: table mini-ecommerce-prod-products');
    expect(ctx.output.text).toContain('kept: SSM parameter /mini-ecommerce/prod/jwt-secret');
  });

  it('in staging keeps the data without --force and deletes it with --force', async () => {
    deployStacks('staging');
    const kept = testContext({ env: 'staging', command: 'destroy', stacks: [...STACKS] });
    await destroyCommand(kept);
    expect(dataDeletions()).toEqual([]);
    expect(kept.output.text).toContain('(pass --force to delete it too)');

    for (const mock of [cf, s3, ssm, dynamoDb, logs, kms]) mock.reset();
    cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cf.on(DeleteStackCommand).resolves({});
    deployStacks('staging');
    const forced = testContext({
      env: 'staging',
      command: 'destroy',
      stacks: [...STACKS],
      force: true,
    });
    await destroyCommand(forced);
    expect(dataDeletions()).toContain('DeleteTable mini-ecommerce-staging-products');
    expect(dataDeletions()).toContain('ScheduleKeyDeletion key-logs');
  });

  it('says plainly when a table has deletion protection, deletes the rest, and fails in one sentence per resource', async () => {
    deployStacks('dev');
    dynamoDb
      .on(DeleteTableCommand)
      .rejects(
        Object.assign(
          new Error(
            'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
          ),
          { name: 'ValidationException', $fault: 'client', $metadata: { httpStatusCode: 400 } },
        ),
      );
    logs.on(DeleteLogGroupCommand, { logGroupName: '/mini-ecommerce/dev/api' }).rejects(
      Object.assign(new Error('User is not authorized to perform: logs:DeleteLogGroup'), {
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        $service: 'CloudWatchLogsClient',
        $operation: 'DeleteLogGroupCommand',
      }),
    );
    const ctx = testContext({ command: 'destroy', stacks: [...STACKS] });

    const failure = await destroyCommand(ctx).then(
      () => undefined,
      (error: unknown) => error as { message: string; details: string[] },
    );

    expect(failure?.message).toBe(
      'The stacks are deleted, but 2 resource(s) could not be: the next deploy may fail on their names until they are gone.',
    );
    // In the order they happened: ec2 goes before database.
    expect(failure?.details).toEqual([
      'AWS refused CloudWatchLogs DeleteLogGroup (AccessDeniedException: User is not authorized to perform: logs:DeleteLogGroup): the identity deploying lacks this permission; grant it (or use a role that has it) and retry.',
      'Table mini-ecommerce-dev-products has deletion protection on, so it was kept: turn it off (aws dynamodb update-table --table-name mini-ecommerce-dev-products --no-deletion-protection-enabled) and run destroy again.',
    ]);
    // The rest still went.
    expect(dataDeletions()).toContain('ScheduleKeyDeletion key-logs');
    expect(dataDeletions()).toContain('DeleteLogGroup /mini-ecommerce/dev/vpc-flow-logs');
  });

  it('does not schedule a key again that is already pending deletion, and skips what is already gone', async () => {
    deployStacks('dev');
    kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: {
        KeyId: 'key-logs',
        KeyState: 'PendingDeletion',
        DeletionDate: new Date('2030-01-02T00:00:00Z'),
      },
    });
    kms.on(ListAliasesCommand).resolves({ Aliases: [] });
    logs
      .on(DeleteLogGroupCommand)
      .rejects(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' }));
    const ctx = testContext({ command: 'destroy', stacks: ['main'] });

    await destroyCommand(ctx);

    expect(kms.commandCalls(ScheduleKeyDeletionCommand)).toHaveLength(0);
    expect(ctx.output.text).toContain(
      'KMS key key-logs was already scheduled for deletion on 2030-01-02',
    );
    expect(ctx.output.text).toContain('log group /mini-ecommerce/dev/vpc-flow-logs: already gone');
  });
});
