import {
  DeleteStackCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import type { DeployContext } from './context';
import { emptyBucket } from './empty-bucket';
import { UserError, errorName } from './errors';
import { StackEventStream, failureDetails, waitForStackOperation } from './stack-events';
import { describeStack } from './stack-state';
import { stackName } from './stacks';

/**
 * Deletes the selected stacks in reverse dependency order. Buckets are emptied first because
 * CloudFormation cannot delete a bucket with objects in it. Buckets the template retains
 * (DeletionPolicy Retain) are emptied and deleted too outside prod, so that the next deploy can
 * create them again under the same name; in prod they are kept and listed.
 */
export async function destroyCommand(ctx: DeployContext): Promise<void> {
  const { env, options, reporter, clients } = ctx;
  if (env === 'prod' && !options.force) {
    throw new UserError(
      'Refusing to destroy prod without --force: it deletes the production shop and its data.',
    );
  }
  const order = [...options.stacks].reverse();
  const present = [];
  for (const id of order) {
    const name = stackName(env, id);
    const stack = await describeStack(clients.cloudFormation, name);
    if (!stack) {
      reporter.line(`${name}: not deployed, nothing to delete`);
      continue;
    }
    if (stack.EnableTerminationProtection && !options.force) {
      throw new UserError(
        `Stack ${name} has termination protection on: pass --force to turn it off and delete it.`,
      );
    }
    const resources = await resourcesOf(ctx, name);
    present.push({ id, name, stack, resources, buckets: physicalIds(resources, BUCKET) });
  }
  if (present.length === 0) {
    reporter.success(`Nothing to destroy in ${env}.`);
    return;
  }

  reporter.heading(`Destroying ${env} in ${ctx.region} (account ${ctx.account})`);
  const doomed = new Map<string, string[]>();
  for (const { name, buckets, resources } of present) {
    reporter.line(`  ${name}${buckets.length > 0 ? `  (empties ${buckets.join(', ')})` : ''}`);
    for (const [type, label] of DATA_TYPES) {
      const ids = physicalIds(resources, type);
      if (ids.length === 0) continue;
      reporter.line(`    ${label}: ${ids.join(', ')}`);
      doomed.set(label, [...(doomed.get(label) ?? []), ...ids]);
    }
  }
  // One question, naming every piece of data that goes (in prod, --force still keeps what the
  // templates retain, and says so after).
  const summary = DATA_TYPES.flatMap(([, label]) => {
    const count = doomed.get(label)?.length ?? 0;
    return count > 0 ? [`${count} ${label}`] : [];
  }).join(', ');
  if (
    !options.yes &&
    !(await ctx.confirm(
      `Delete these ${present.length} stack(s) and everything in them${summary ? ` (${summary}, listed above)` : ''}?`,
    ))
  ) {
    throw new UserError('Cancelled: nothing was deleted.');
  }

  for (const { name, stack, buckets } of present) {
    reporter.heading(`Deleting ${name}`);
    for (const bucket of buckets) {
      const count = await emptyBucket(ctx, bucket);
      reporter.line(`  emptied ${bucket} (${count} versions and delete markers)`);
    }
    if (stack.EnableTerminationProtection) {
      await clients.cloudFormation.send(
        new UpdateTerminationProtectionCommand({
          StackName: name,
          EnableTerminationProtection: false,
        }),
      );
      reporter.line(`  termination protection turned off (--force)`);
    }
    const stream = new StackEventStream(ctx, stack.StackId ?? name);
    await stream.baseline();
    await clients.cloudFormation.send(new DeleteStackCommand({ StackName: name }));
    const result = await waitForStackOperation(ctx, name, 'delete', stream);
    if (!result.succeeded) {
      throw new UserError(`Deleting ${name} failed.`, failureDetails(result.events));
    }
    await handleRetained(ctx, result.events, buckets);
    reporter.success(`${name} deleted`);
  }
}

const BUCKET = 'AWS::S3::Bucket';

/** The resources holding data, in the words the confirmation uses. */
const DATA_TYPES: readonly (readonly [string, string])[] = [
  ['AWS::DynamoDB::Table', 'tables'],
  ['AWS::Logs::LogGroup', 'log groups'],
  [BUCKET, 'buckets'],
  ['AWS::KMS::Key', 'KMS keys'],
  ['AWS::SSM::Parameter', 'SSM parameters'],
];

async function resourcesOf(ctx: DeployContext, name: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.cloudFormation.send(
      new ListStackResourcesCommand({ StackName: name, NextToken: nextToken }),
    );
    resources.push(...(page.StackResourceSummaries ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return resources;
}

function physicalIds(resources: readonly StackResourceSummary[], type: string): string[] {
  return resources
    .filter((resource) => resource.ResourceType === type && resource.PhysicalResourceId)
    .map((resource) => resource.PhysicalResourceId as string);
}

/**
 * What the templates retain (DeletionPolicy Retain) outlives its stack. Outside prod the buckets
 * go too, so that the next deploy can create them again under the same name: every bucket the
 * stack had is deleted if it is still there (it was emptied before), whether or not the delete
 * reported it as DELETE_SKIPPED. Other retained resources are listed.
 */
async function handleRetained(
  ctx: DeployContext,
  events: readonly {
    ResourceStatus?: string;
    ResourceType?: string;
    PhysicalResourceId?: string;
    LogicalResourceId?: string;
  }[],
  buckets: readonly string[],
): Promise<void> {
  const retained = events.filter(
    (event) => event.ResourceStatus === 'DELETE_SKIPPED' && event.PhysicalResourceId,
  );
  const retainedBuckets = new Set([
    ...buckets,
    ...retained
      .filter((resource) => resource.ResourceType === BUCKET)
      .map((resource) => resource.PhysicalResourceId as string),
  ]);
  for (const id of ctx.env === 'prod' ? [] : retainedBuckets) {
    try {
      await ctx.clients.s3.send(new DeleteBucketCommand({ Bucket: id }));
      ctx.reporter.line(`  deleted retained bucket ${id}`);
    } catch (error) {
      if (errorName(error) !== 'NoSuchBucket')
        ctx.reporter.warn(`retained bucket ${id} could not be deleted: ${errorName(error)}`);
    }
  }
  for (const resource of retained) {
    if (resource.ResourceType === BUCKET && ctx.env !== 'prod') continue;
    ctx.reporter.warn(
      `kept by DeletionPolicy Retain: ${resource.ResourceType} ${resource.PhysicalResourceId} (delete it by hand if it should go too)`,
    );
  }
}
