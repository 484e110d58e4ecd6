import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { DeployContext } from '../context';
import { errorName, isAwsServiceError } from '../errors';
import type { EvaluatedResource } from './template-values';

/** A resource whose physical name the template sets, so a leftover of that name blocks its creation. */
export interface NamedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly name: string;
}

export interface Collision extends NamedResource {
  /** What exists and what to do, in one sentence. */
  readonly message: string;
}

/**
 * The explicit names this tool can look up before a create, by resource type. Other names the
 * templates set (IAM role and instance profile, SNS topic, alarms, CloudFront function and origin
 * access control, dashboard, trail) belong to services this tool has no client for; a leftover of
 * one still fails the create, and CloudFormation then names it.
 */
const NAME_PROPERTIES: Readonly<Record<string, string>> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SSM::Parameter': 'Name',
  'AWS::KMS::Alias': 'AliasName',
};

/** The resources of an evaluated template that name themselves with a name known before the deploy. */
export function explicitNames(
  resources: Readonly<Record<string, EvaluatedResource>>,
): NamedResource[] {
  return Object.entries(resources).flatMap(([logicalId, resource]) => {
    const property = NAME_PROPERTIES[resource.type];
    const name = property ? resource.properties[property] : undefined;
    return typeof name === 'string' && name !== ''
      ? [{ logicalId, type: resource.type, name }]
      : [];
  });
}

const status = (error: unknown) =>
  isAwsServiceError(error) ? (error.$metadata?.httpStatusCode ?? 0) : 0;

/** undefined when the name is free; otherwise what holds it. */
async function holder(ctx: DeployContext, resource: NamedResource): Promise<string | undefined> {
  const { clients } = ctx;
  const { name } = resource;
  try {
    switch (resource.type) {
      case 'AWS::DynamoDB::Table': {
        const { Table } = await clients.dynamoDb.send(
          new DescribeTableCommand({ TableName: name }),
        );
        return `a table named ${name} already exists (${Table?.ItemCount ?? 'unknown'} items, ${Table?.TableStatus ?? 'status unknown'}): back it up if it matters and delete it (aws dynamodb delete-table --table-name ${name})`;
      }
      case 'AWS::Logs::LogGroup': {
        const { logGroups = [] } = await clients.logs.send(
          new DescribeLogGroupsCommand({ logGroupNamePrefix: name }),
        );
        if (!logGroups.some((group) => group.logGroupName === name)) return undefined;
        return `a log group named ${name} already exists: delete it (aws logs delete-log-group --log-group-name ${name})`;
      }
      case 'AWS::S3::Bucket': {
        await clients.s3.send(new ListObjectsV2Command({ Bucket: name, MaxKeys: 1 }));
        return `a bucket named ${name} already exists in this account: empty and delete it (aws s3 rb s3://${name} --force)`;
      }
      case 'AWS::SSM::Parameter':
        await clients.ssm.send(new GetParameterCommand({ Name: name }));
        return `an SSM parameter named ${name} already exists: delete it (aws ssm delete-parameter --name ${name})`;
      case 'AWS::KMS::Alias': {
        const { KeyMetadata } = await clients.kms.send(new DescribeKeyCommand({ KeyId: name }));
        return `the KMS alias ${name} already exists (key ${KeyMetadata?.KeyId ?? 'unknown'}, ${KeyMetadata?.KeyState ?? 'state unknown'}): delete the alias (aws kms delete-alias --alias-name ${name})`;
      }
      default:
        return undefined;
    }
  } catch (error) {
    const code = errorName(error);
    if (/ResourceNotFound|NotFound|NoSuchBucket|ParameterNotFound/.test(code)) return undefined;
    if (resource.type === 'AWS::S3::Bucket' && status(error) === 301)
      return `a bucket named ${name} already exists in another region: delete it there, or deploy to that region`;
    if (resource.type === 'AWS::S3::Bucket' && status(error) === 403)
      return `the bucket name ${name} is taken, by another AWS account or with a policy that refuses you: bucket names are global, so this environment cannot be created in this account under that name`;
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Looks up each explicitly named resource a stack would create (like `rain forecast`): a table,
 * log group, bucket, parameter or alias left by an earlier deploy (Retain) makes the create fail
 * after minutes of work and a rollback; said now, with what to do.
 */
export async function findCollisions(
  ctx: DeployContext,
  resources: readonly NamedResource[],
): Promise<Collision[]> {
  const found = await Promise.all(
    resources.map(async (resource) => {
      const message = await holder(ctx, resource);
      return message === undefined ? undefined : { ...resource, message };
    }),
  );
  return found.filter((collision): collision is Collision => collision !== undefined);
}

/** One line per collision, for the diff's report and the deploy's refusal. */
export function collisionLines(collisions: readonly Collision[]): string[] {
  return collisions.map(
    (collision) => `${collision.logicalId} (${collision.type}): ${collision.message}`,
  );
}

/** The sentence a create that would collide is refused with. */
export function collisionRefusal(stackName: string, collisions: readonly Collision[]): string {
  const count = collisions.length;
  return `${stackName} cannot be created: ${count} resource${count === 1 ? '' : 's'} it names already exist${count === 1 ? 's' : ''}.`;
}
