import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
  type DescribeStacksCommandOutput,
} from '@aws-sdk/client-cloudformation';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { destroyCommand } from './destroy-command';
import { stackNotFound, testContext } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);

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
  cf.reset();
  s3.reset();
  cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
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
