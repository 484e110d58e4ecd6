import {
  DeleteStackCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteTableCommand, waitUntilTableNotExists } from '@aws-sdk/client-dynamodb';
import {
  DeleteAliasCommand,
  DescribeKeyCommand,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { DeleteParameterCommand, GetParametersByPathCommand } from '@aws-sdk/client-ssm';
import { appParameterName, parameterPath, type AppParameterKey } from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';
import type { DeployContext } from './context';
import { emptyBucket } from './empty-bucket';
import { UserError, describeAwsError, errorMessage, errorName, isAwsServiceError } from './errors';
import { failureDetails, runStackOperation } from './stack-events';
import { describeStack } from './stack-state';
import { stackName, type StackId } from './stacks';

/** The shortest waiting period KMS allows before it deletes a key (7 to 30 days). */
export const KEY_DELETION_WINDOW_DAYS = 7;

/**
 * The parameters `api:deploy` writes itself (CloudFormation cannot create a SecureString, and the
 * release pointer changes on every API deploy); they live with the ec2 stack they configure.
 */
const API_DEPLOY_PARAMETERS: readonly AppParameterKey[] = ['jwtSecret', 'apiRelease'];

/**
 * What happens to the data the templates retain (DeletionPolicy Retain on tables, log groups,
 * buckets and KMS keys): `delete` in dev, and in staging with --force, so that the next deploy can
 * create the same names again; `keep` in prod (even with --force, which only lifts the
 * termination protection) and in staging without --force.
 */
export function dataPolicy(ctx: Pick<DeployContext, 'env' | 'options'>): 'delete' | 'keep' {
  if (ctx.env === 'dev') return 'delete';
  if (ctx.env === 'staging' && ctx.options.force) return 'delete';
  return 'keep';
}

type Label = 'tables' | 'log groups' | 'buckets' | 'KMS keys' | 'SSM parameters';

const BUCKET = 'AWS::S3::Bucket';

/** The resources holding data, in the order they are listed, with the words the question uses. */
const DATA_TYPES: readonly (readonly [string, Label])[] = [
  ['AWS::DynamoDB::Table', 'tables'],
  ['AWS::Logs::LogGroup', 'log groups'],
  [BUCKET, 'buckets'],
  ['AWS::KMS::Key', 'KMS keys'],
  ['AWS::SSM::Parameter', 'SSM parameters'],
];

interface DataResource {
  readonly label: Label;
  /** Physical id: table, log group, bucket or parameter name; key id. */
  readonly id: string;
  /** The template says DeletionPolicy Retain: the stack's deletion leaves it. */
  readonly retained: boolean;
  /** Written by api:deploy rather than the stack. */
  readonly byApiDeploy?: boolean;
}

interface PresentStack {
  readonly id: StackId;
  readonly name: string;
  readonly stack: { StackId?: string; EnableTerminationProtection?: boolean };
  readonly data: DataResource[];
}

/**
 * Deletes the selected stacks in reverse dependency order, after one confirmation that names
 * every piece of data that goes and what stays.
 *
 * In dev (and staging with --force) everything goes, so that the next deploy can create the same
 * names again: buckets are emptied before their stack is deleted (CloudFormation cannot delete a
 * bucket with objects), and after it what the templates retain is deleted too: buckets, DynamoDB
 * tables, log groups, the SSM parameters api:deploy wrote, and the KMS keys, which KMS only
 * schedules for deletion (7 days, the shortest window) after their aliases are removed.
 * In prod (and staging without --force) the stacks go and the retained data stays, untouched
 * (no bucket it keeps is emptied), and is listed.
 */
export async function destroyCommand(ctx: DeployContext): Promise<void> {
  const { env, options, reporter, clients } = ctx;
  if (env === 'prod' && !options.force) {
    throw new UserError(
      'Refusing to destroy prod without --force: it deletes the production shop (its data is kept).',
    );
  }
  const policy = dataPolicy(ctx);
  const order = [...options.stacks].reverse();
  const present: PresentStack[] = [];
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
    const retained = await retainedLogicalIds(ctx, name);
    const data: DataResource[] = DATA_TYPES.flatMap(([type, label]) =>
      resources
        .filter((resource) => resource.ResourceType === type && resource.PhysicalResourceId)
        .map((resource) => ({
          label,
          id: resource.PhysicalResourceId as string,
          // A template that could not be read counts as retaining everything: nothing is emptied.
          retained: retained === undefined || retained.has(resource.LogicalResourceId ?? ''),
        })),
    );
    if (id === 'ec2') data.push(...(await apiDeployParameters(ctx, data)));
    present.push({ id, name, stack, data });
  }
  if (present.length === 0) {
    reporter.success(`Nothing to destroy in ${env}.`);
    return;
  }

  const fate = (resource: DataResource): 'deleted' | 'kept' =>
    policy === 'delete' || (!resource.retained && !resource.byApiDeploy) ? 'deleted' : 'kept';
  reporter.heading(
    `Destroying ${env} in ${ctx.region} (account ${ctx.account}): ${
      policy === 'delete'
        ? 'the stacks and all their data'
        : `the stacks only; the data the templates retain is kept${env === 'staging' ? ' (pass --force to delete it too)' : ''}`
    }`,
  );
  for (const { name, data } of present) {
    reporter.line(`  ${name}`);
    for (const [, label] of DATA_TYPES) {
      for (const outcome of ['deleted', 'kept'] as const) {
        const ids = data
          .filter((resource) => resource.label === label && fate(resource) === outcome)
          .map((resource) => `${resource.id}${resource.byApiDeploy ? ' (from api:deploy)' : ''}`);
        if (ids.length > 0)
          reporter.line(`    ${label}${outcome === 'kept' ? ' (kept)' : ''}: ${ids.join(', ')}`);
      }
    }
  }
  // One question, naming every piece of data that goes and what stays.
  const all = present.flatMap((stack) => stack.data);
  const count = (outcome: 'deleted' | 'kept') =>
    DATA_TYPES.flatMap(([, label]) => {
      const n = all.filter((r) => r.label === label && fate(r) === outcome).length;
      if (n === 0) return [];
      return [
        `${n} ${label}${label === 'KMS keys' && outcome === 'deleted' ? ` (scheduled for deletion in ${KEY_DELETION_WINDOW_DAYS} days)` : ''}`,
      ];
    }).join(', ');
  const deleted = count('deleted');
  const kept = count('kept');
  const question = `Delete these ${present.length} stack(s)${deleted ? `, deleting ${deleted}` : ''}${
    kept ? `, keeping ${kept}` : ''
  }${deleted || kept ? ' (listed above)' : ''}?`;
  if (!options.yes && !(await ctx.confirm(question))) {
    throw new UserError('Cancelled: nothing was deleted.');
  }

  const failures: string[] = [];
  for (const { name, stack, data } of present) {
    reporter.heading(`Deleting ${name}`);
    const buckets = data.filter((r) => r.label === 'buckets');
    for (const bucket of buckets.filter((r) => fate(r) === 'deleted')) {
      const removed = await emptyBucket(ctx, bucket.id);
      reporter.line(`  emptied ${bucket.id} (${removed} versions and delete markers)`);
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
    // The service role deletes what it created; a stack created with the caller's rights is
    // handed to the role by this request (CloudFormation keeps the role for the stack from then on).
    const result = await runStackOperation(ctx, name, stack.StackId ?? name, 'delete', () =>
      clients.cloudFormation.send(
        new DeleteStackCommand({
          StackName: name,
          ...(ctx.serviceRoleArn ? { RoleARN: ctx.serviceRoleArn } : {}),
        }),
      ),
    );
    if (!result.succeeded) {
      throw new UserError(`Deleting ${name} failed.`, failureDetails(result.events));
    }
    reporter.success(`${name} deleted`);
    // What the delete reported as skipped (DELETE_SKIPPED) is retained whatever the template said.
    const skipped = result.events.filter(
      (event) => event.ResourceStatus === 'DELETE_SKIPPED' && event.PhysicalResourceId,
    );
    const left = [...data];
    for (const event of skipped) {
      const label = DATA_TYPES.find(([type]) => type === event.ResourceType)?.[1];
      if (label && !left.some((r) => r.label === label && r.id === event.PhysicalResourceId))
        left.push({ label, id: event.PhysicalResourceId as string, retained: true });
    }
    if (policy === 'delete') {
      // CloudFormation deleted the rest; a template it could not read counts as retaining all.
      failures.push(
        ...(await deleteData(
          ctx,
          left.filter((r) => r.retained || r.byApiDeploy),
        )),
      );
    } else {
      for (const resource of left.filter((r) => fate(r) === 'kept'))
        reporter.warn(`kept: ${resource.label.replace(/s$/, '')} ${resource.id}`);
      for (const event of skipped.filter(
        (e) => !DATA_TYPES.some(([type]) => type === e.ResourceType),
      ))
        reporter.warn(
          `kept by DeletionPolicy Retain: ${event.ResourceType} ${event.PhysicalResourceId}`,
        );
    }
  }
  if (failures.length > 0) {
    throw new UserError(
      `The stacks are deleted, but ${failures.length} resource(s) could not be: the next deploy may fail on their names until they are gone.`,
      failures,
    );
  }
}

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

/**
 * Logical ids the deployed template gives DeletionPolicy Retain (or RetainExceptOnCreate), or
 * undefined when the template cannot be read (short-form tags are tolerated, as in template.ts).
 */
async function retainedLogicalIds(
  ctx: DeployContext,
  name: string,
): Promise<Set<string> | undefined> {
  const answer = await ctx.clients.cloudFormation.send(
    new GetTemplateCommand({ StackName: name, TemplateStage: 'Original' }),
  );
  if (!answer?.TemplateBody) return undefined;
  try {
    const document = parse(answer.TemplateBody, { logLevel: 'error' }) as {
      Resources?: Record<string, { DeletionPolicy?: unknown } | null>;
    } | null;
    return new Set(
      Object.entries(document?.Resources ?? {})
        .filter(([, resource]) => /^Retain/.test(String(resource?.DeletionPolicy ?? '')))
        .map(([logicalId]) => logicalId),
    );
  } catch {
    return undefined;
  }
}

/** The parameters api:deploy wrote under the environment's path that the stack does not own. */
async function apiDeployParameters(
  ctx: DeployContext,
  owned: readonly DataResource[],
): Promise<DataResource[]> {
  const wanted = new Set(API_DEPLOY_PARAMETERS.map((key) => appParameterName(ctx.env, key)));
  const found: DataResource[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.ssm.send(
      new GetParametersByPathCommand({
        Path: parameterPath(ctx.env),
        Recursive: true,
        NextToken: nextToken,
      }),
    );
    for (const { Name } of page?.Parameters ?? []) {
      if (Name && wanted.has(Name) && !owned.some((r) => r.id === Name))
        found.push({ label: 'SSM parameters', id: Name, retained: false, byApiDeploy: true });
    }
    nextToken = page?.NextToken;
  } while (nextToken);
  return found;
}

/**
 * Deletes what is left of a deleted stack's data, each resource on its own line. A resource
 * already gone is skipped; one that cannot be deleted is reported and the others still go.
 * Returns one sentence per failure.
 */
async function deleteData(ctx: DeployContext, data: readonly DataResource[]): Promise<string[]> {
  const { clients, reporter } = ctx;
  const failures: string[] = [];
  const attempt = async (
    what: string,
    action: () => Promise<string | undefined>,
    goneErrors: readonly string[],
    explain?: (error: unknown) => string | undefined,
  ) => {
    reporter.progress(`deleting ${what}`);
    try {
      const done = await action();
      reporter.endProgress();
      reporter.line(`  ${done ?? `deleted ${what}`}`);
    } catch (error) {
      reporter.endProgress();
      if (goneErrors.includes(errorName(error))) {
        reporter.line(`  ${what}: already gone`);
        return;
      }
      const sentence =
        explain?.(error) ?? (isAwsServiceError(error) ? describeAwsError(error) : undefined);
      if (sentence === undefined) throw error;
      reporter.warn(sentence);
      failures.push(sentence);
    }
  };
  const of = (label: Label) => data.filter((r) => r.label === label).map((r) => r.id);
  /** Removes every resource of the label with `remove`, one line each (`deleted <noun> <id>`). */
  const deleteEach = async (
    label: Label,
    noun: string,
    goneErrors: readonly string[],
    remove: (id: string) => Promise<unknown>,
  ) => {
    for (const id of of(label)) {
      await attempt(
        `${noun} ${id}`,
        async () => {
          await remove(id);
          return undefined;
        },
        goneErrors,
      );
    }
  };

  await deleteEach('buckets', 'bucket', ['NoSuchBucket'], async (bucket) => {
    try {
      await clients.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    } catch (error) {
      // Something wrote to it since it was emptied (access logs arrive late): once more.
      if (errorName(error) !== 'BucketNotEmpty') throw error;
      await emptyBucket(ctx, bucket);
      await clients.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  const tables = of('tables');
  const deleting: string[] = [];
  for (const table of tables) {
    await attempt(
      `table ${table}`,
      async () => {
        await clients.dynamoDb.send(new DeleteTableCommand({ TableName: table }));
        deleting.push(table);
        return `deleting table ${table}`;
      },
      ['ResourceNotFoundException'],
      (error) =>
        /protect/i.test(errorMessage(error))
          ? `Table ${table} has deletion protection on, so it was kept: turn it off (aws dynamodb update-table --table-name ${table} --no-deletion-protection-enabled) and run destroy again.`
          : undefined,
    );
  }
  // The name is free only once the table is gone, a few seconds after DeleteTable.
  const waiter = {
    client: clients.dynamoDb,
    ...ctx.timing.waiter,
    maxWaitTime: Math.min(ctx.timing.waiter.maxWaitTime, 600),
  };
  for (const table of deleting) {
    await attempt(
      `table ${table}`,
      async () => {
        reporter.progress(`waiting until table ${table} is gone`);
        await waitUntilTableNotExists(waiter, { TableName: table });
        return `deleted table ${table}`;
      },
      ['ResourceNotFoundException'],
      (error) =>
        errorName(error) === 'TimeoutError'
          ? `Table ${table} was still being deleted after ${waiter.maxWaitTime} s: wait until it is gone before the next deploy.`
          : undefined,
    );
  }

  await deleteEach('log groups', 'log group', ['ResourceNotFoundException'], (group) =>
    clients.logs.send(new DeleteLogGroupCommand({ logGroupName: group })),
  );
  await deleteEach('SSM parameters', 'SSM parameter', ['ParameterNotFound'], (parameter) =>
    clients.ssm.send(new DeleteParameterCommand({ Name: parameter })),
  );

  for (const key of of('KMS keys')) {
    await attempt(
      `KMS key ${key}`,
      async () => {
        const { KeyMetadata } = await clients.kms.send(new DescribeKeyCommand({ KeyId: key }));
        // An alias keeps its name taken until the key is deleted: remove them now.
        const { Aliases = [] } = await clients.kms.send(new ListAliasesCommand({ KeyId: key }));
        for (const { AliasName } of Aliases) {
          if (!AliasName || AliasName.startsWith('alias/aws/')) continue;
          await clients.kms.send(new DeleteAliasCommand({ AliasName }));
          reporter.line(`  deleted KMS alias ${AliasName}`);
        }
        if (KeyMetadata?.KeyState === 'PendingDeletion')
          return `KMS key ${key} was already scheduled for deletion on ${day(KeyMetadata.DeletionDate)}`;
        const { DeletionDate } = await clients.kms.send(
          new ScheduleKeyDeletionCommand({
            KeyId: key,
            PendingWindowInDays: KEY_DELETION_WINDOW_DAYS,
          }),
        );
        return `KMS key ${key} scheduled for deletion on ${day(DeletionDate)} (KMS waits at least ${KEY_DELETION_WINDOW_DAYS} days; aws kms cancel-key-deletion undoes it until then)`;
      },
      ['NotFoundException'],
    );
  }
  return failures;
}

function day(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : 'a date KMS did not say';
}
