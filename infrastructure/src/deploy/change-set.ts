import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  waitForChangeSetCreateComplete,
  type Change,
  type ChangeSetType,
  type Parameter,
  type Tag,
} from '@aws-sdk/client-cloudformation';
import type { DeployContext } from './context';
import { changesFromDetails, contextProperties, type PropertyChange } from './diff/property-diff';

export interface PlannedChange {
  readonly action: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly physicalId: string | undefined;
  /** 'True', 'False' or 'Conditional' for modifications. */
  readonly replacement: string | undefined;
  /** Data lives in it: replacing or removing it loses data unless the template retains it. */
  readonly stateful: boolean;
  /**
   * The properties that change, from the change set's property values (`IncludePropertyValues`);
   * empty when CloudFormation gave none, and the review then compares the templates.
   */
  readonly propertyChanges: readonly PropertyChange[];
  /** The resource's properties before and after, when the change set carries them. */
  readonly beforeProperties: Record<string, unknown> | undefined;
  readonly afterProperties: Record<string, unknown> | undefined;
}

export type ChangeSetOutcome =
  | {
      readonly kind: 'changes';
      readonly changeSetName: string;
      readonly changes: readonly PlannedChange[];
      readonly changeSetType: ChangeSetType;
      /** The parameters the change set was created with (for the parameter diff). */
      readonly parameters: readonly Parameter[];
    }
  | { readonly kind: 'no-changes' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface ChangeSetRequest {
  readonly stackName: string;
  readonly changeSetType: ChangeSetType;
  readonly template: { TemplateBody: string } | { TemplateURL: string };
  readonly parameters: readonly Parameter[];
  readonly tags: readonly Tag[];
}

const STATEFUL_TYPES = new Set([
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::Volume',
  'AWS::EFS::FileSystem',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::SSM::Parameter',
]);

export function isStatefulType(resourceType: string): boolean {
  return STATEFUL_TYPES.has(resourceType);
}

/** CloudFormation reports an empty change set as FAILED with one of these reasons. */
export function isNoChangeReason(reason: string | undefined): boolean {
  return /didn't contain changes|No updates are to be performed/i.test(reason ?? '');
}

/**
 * Creates a change set and waits until CloudFormation has computed it. An empty change set is
 * deleted at once: it cannot be executed and would only clutter the console.
 */
export async function createChangeSet(
  ctx: DeployContext,
  request: ChangeSetRequest,
): Promise<ChangeSetOutcome> {
  const { cloudFormation } = ctx.clients;
  const changeSetName = `mini-ecommerce-${ctx.timing.now()}`;
  await cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: request.stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: request.changeSetType,
      ...request.template,
      Parameters: [...request.parameters],
      Tags: [...request.tags],
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      Description: `mini-ecommerce deploy (${ctx.env})`,
      // The bootstrap stack's service role: CloudFormation acts with it, not with the caller.
      ...(ctx.serviceRoleArn ? { RoleARN: ctx.serviceRoleArn } : {}),
    }),
  );
  ctx.reporter.progress(`${request.stackName}: computing change set`);
  await waitForChangeSetCreateComplete(
    { client: cloudFormation, ...ctx.timing.waiter },
    { StackName: request.stackName, ChangeSetName: changeSetName },
  );
  ctx.reporter.endProgress();

  const { status, reason, changes } = await readChangeSet(ctx, request.stackName, changeSetName);
  if (status === 'CREATE_COMPLETE')
    return {
      kind: 'changes',
      changeSetName,
      changes,
      changeSetType: request.changeSetType,
      parameters: request.parameters,
    };
  await deleteChangeSet(ctx, request.stackName, changeSetName);
  if (isNoChangeReason(reason)) return { kind: 'no-changes' };
  return {
    kind: 'failed',
    reason: reason ?? `change set ended in ${status ?? 'an unknown state'}`,
  };
}

/** Reads every page: a stack with many resources spreads its changes over several responses. */
async function readChangeSet(
  ctx: DeployContext,
  stackName: string,
  changeSetName: string,
): Promise<{ status: string | undefined; reason: string | undefined; changes: PlannedChange[] }> {
  const changes: Change[] = [];
  let status: string | undefined;
  let reason: string | undefined;
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.cloudFormation.send(
      new DescribeChangeSetCommand({
        StackName: stackName,
        ChangeSetName: changeSetName,
        NextToken: nextToken,
        // Before and after values of each property, so the preview can say what changes to what.
        IncludePropertyValues: true,
      }),
    );
    status ??= page.Status;
    reason ??= page.StatusReason;
    changes.push(...(page.Changes ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return { status, reason, changes: changes.map(toPlannedChange) };
}

function toPlannedChange(change: Change): PlannedChange {
  const resource = change.ResourceChange ?? {};
  const resourceType = resource.ResourceType ?? 'unknown';
  return {
    action: resource.Action ?? change.Type ?? 'unknown',
    logicalId: resource.LogicalResourceId ?? 'unknown',
    resourceType,
    physicalId: resource.PhysicalResourceId,
    replacement: resource.Replacement,
    stateful: isStatefulType(resourceType),
    propertyChanges: changesFromDetails(resource.Details),
    beforeProperties: contextProperties(resource.BeforeContext),
    afterProperties: contextProperties(resource.AfterContext),
  };
}

export async function deleteChangeSet(
  ctx: DeployContext,
  stackName: string,
  changeSetName: string,
): Promise<void> {
  await ctx.clients.cloudFormation.send(
    new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
  );
}

/** A change that would destroy data unless the resource is retained. */
export function isDangerous(change: PlannedChange): boolean {
  return (
    change.stateful &&
    (change.action === 'Remove' ||
      change.replacement === 'True' ||
      change.replacement === 'Conditional')
  );
}
