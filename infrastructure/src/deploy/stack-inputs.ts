import { DescribeManagedPrefixListsCommand } from '@aws-sdk/client-ec2';
import {
  CLOUDFRONT_ORIGIN_PREFIX_LIST,
  STACK_INPUTS,
  STACK_OUTPUTS,
  STACK_PARAMETERS,
  exportName,
  type ExportKey,
} from '@mini-ecommerce/stack-model';
import { UserError } from './errors';
import type { DeployContext } from './context';
import {
  KnownAfter,
  Unresolved,
  evaluateResources,
  parseTemplateDocument,
} from './diff/template-values';
import { StackOutputs } from './outputs';
import { STACK_IDS, isStackId, type StackId } from './stacks';
import type { StackTemplate } from './template';
import { MAX_TEMPLATE_BODY_BYTES } from './template-source';

/**
 * The parameters a stack takes from an earlier stack's outputs (`STACK_INPUTS` in the contract),
 * read fresh from CloudFormation just before the stack deploys, so a replaced instance's new id
 * reaches the monitoring stack in the same run. An explicit `--parameters` value wins; an output
 * that does not exist yet (the earlier stack is not deployed) leaves the template's default.
 */
export async function stackInputs(
  ctx: DeployContext,
  template: StackTemplate,
): Promise<Record<string, string>> {
  const inputs: Partial<Record<string, string>> =
    (STACK_INPUTS as Partial<Record<StackId, Record<string, string>>>)[template.id] ?? {};
  const outputs = new StackOutputs(ctx);
  const values: Record<string, string> = {};
  const prefixList = STACK_PARAMETERS.cloudFrontPrefixListId;
  if (
    template.parameters.some((declared) => declared.name === prefixList) &&
    ctx.options.parameters[prefixList] === undefined
  ) {
    values[prefixList] = await cloudFrontPrefixListId(ctx);
  }
  // The private API origin: known once the ec2 stack exists ('none' for a public instance);
  // until then the distribution has no API origin at all.
  const originArn = STACK_PARAMETERS.apiOriginArn;
  if (
    template.parameters.some((declared) => declared.name === originArn) &&
    ctx.options.parameters[originArn] === undefined
  ) {
    const value = (await outputs.optional('apiOriginArn')) ?? 'none';
    values[originArn] = value === 'none' ? '' : value;
  }
  const deployers = STACK_PARAMETERS.deployerPrincipalArns;
  if (
    template.parameters.some((declared) => declared.name === deployers) &&
    ctx.options.parameters[deployers] === undefined
  ) {
    values[deployers] = deployerPrincipalPatterns(ctx.callerArn).join(',');
  }
  for (const [parameterKey, outputKey] of Object.entries(inputs)) {
    const parameter = STACK_PARAMETERS[parameterKey as keyof typeof STACK_PARAMETERS];
    if (!template.parameters.some((declared) => declared.name === parameter)) continue;
    if (ctx.options.parameters[parameter] !== undefined) continue;
    const value = await outputs.optional(outputKey as keyof typeof STACK_OUTPUTS);
    if (value !== undefined) values[parameter] = value;
  }
  return values;
}

/**
 * The id of CloudFront's origin-facing managed prefix list differs per region; the API's security
 * groups admit only it, so the API cannot be reached around CloudFront.
 */
export async function cloudFrontPrefixListId(ctx: DeployContext): Promise<string> {
  const { PrefixLists } = await ctx.clients.ec2.send(
    new DescribeManagedPrefixListsCommand({
      Filters: [{ Name: 'prefix-list-name', Values: [CLOUDFRONT_ORIGIN_PREFIX_LIST] }],
    }),
  );
  const id = PrefixLists?.[0]?.PrefixListId;
  if (!id) {
    throw new UserError(
      `The managed prefix list ${CLOUDFRONT_ORIGIN_PREFIX_LIST} was not found in ${ctx.region}: pass its id with --parameters ${STACK_PARAMETERS.cloudFrontPrefixListId}=pl-... (see the VPC console, Managed prefix lists).`,
    );
  }
  return id;
}

/**
 * The `aws:PrincipalArn` patterns that match the caller. A role session
 * (`arn:aws:sts::A:assumed-role/NAME/SESSION`) is matched by its role's ARN, which may carry a path
 * (SSO roles live under /aws-reserved/...): `role/NAME` and `role/*\/NAME` name that one role, since
 * role names are unique in an account whatever their path. Users, root and federated users are
 * their own ARN.
 */
export function deployerPrincipalPatterns(callerArn: string): string[] {
  const session = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(callerArn);
  if (session) {
    const [, partition, account, role] = session;
    return [
      `arn:${partition}:iam::${account}:role/${role}`,
      `arn:${partition}:iam::${account}:role/*/${role}`,
    ];
  }
  if (!/^arn:[a-z-]+:(iam|sts)::\d{12}:\S+$/.test(callerArn))
    throw new UserError(
      `Cannot tell which principal is deploying (STS answered ${JSON.stringify(callerArn)}): pass --parameters ${STACK_PARAMETERS.deployerPrincipalArns}=<principal ARN>.`,
    );
  return [callerArn];
}

/** What a stack needs from the stacks before it, and which of those are not deployed yet. */
export interface StackDependencies {
  /** Earlier stacks whose outputs this one needs and that are not deployed (or lack the output). */
  readonly pending: ReadonlySet<StackId>;
  /** `Fn::ImportValue` as CloudFormation would answer it now: the value, or "known after <stack>". */
  readonly importValue: (exportName: string) => unknown;
  /** `STACK_INPUTS` parameters whose source stack is pending: parameter name → stack. */
  readonly pendingInputs: Readonly<Record<string, StackId>>;
}

/**
 * Reads the outputs of every stack of the environment once and tells which of them a stack's
 * change set cannot do without: the exports it imports (by the export names of the contract),
 * the outputs it takes as parameters (`STACK_INPUTS`), and the artifacts bucket a template too
 * large to send inline is uploaded to. In a new environment these are all pending, and the plan
 * comes from the local template instead. A command that already holds a StackOutputs passes it
 * as `outputs` so the reads are shared.
 */
export async function stackDependencies(
  ctx: DeployContext,
  template: StackTemplate,
  outputs: StackOutputs = new StackOutputs(ctx),
): Promise<StackDependencies> {
  const deployed = new Map<StackId, Record<string, string> | undefined>(
    await Promise.all(STACK_IDS.map(async (id) => [id, await outputs.forStack(id)] as const)),
  );
  const outputsOf = (stack: string) => (isStackId(stack) ? deployed.get(stack) : undefined);
  const owners = new Map<string, { stack: StackId; output: string }>();
  for (const [key, entry] of Object.entries(STACK_OUTPUTS)) {
    // Exports of stacks outside the four (the bootstrap stack) are never imported by them.
    if (!('export' in entry) || !isStackId(entry.stack)) continue;
    owners.set(exportName(ctx.env, key as ExportKey), { stack: entry.stack, output: entry.output });
  }
  const pending = new Set<StackId>();
  const importValue = (name: string): unknown => {
    const owner = owners.get(name);
    if (!owner) return new Unresolved(`(import ${name})`);
    const value = deployed.get(owner.stack)?.[owner.output];
    if (value !== undefined) return value;
    pending.add(owner.stack);
    return new KnownAfter(owner.stack);
  };
  // Evaluating the template records every import it makes (resource conditions aside).
  evaluateResources(parseTemplateDocument(template.body), {
    parameters: { [STACK_PARAMETERS.environment]: ctx.env, ...ctx.options.parameters },
    account: ctx.account,
    region: ctx.region,
    stackName: '',
    importValue,
  });
  const pendingInputs: Record<string, StackId> = {};
  const inputs: Partial<Record<string, string>> =
    (STACK_INPUTS as Partial<Record<StackId, Record<string, string>>>)[template.id] ?? {};
  for (const [parameterKey, outputKey] of Object.entries(inputs)) {
    const parameter = STACK_PARAMETERS[parameterKey as keyof typeof STACK_PARAMETERS];
    const source = STACK_OUTPUTS[outputKey as keyof typeof STACK_OUTPUTS];
    if (!template.parameters.some((declared) => declared.name === parameter)) continue;
    if (ctx.options.parameters[parameter] !== undefined) continue;
    if (outputsOf(source.stack)?.[source.output] !== undefined || !isStackId(source.stack))
      continue;
    pending.add(source.stack);
    pendingInputs[parameter] = source.stack;
  }
  const artifacts = STACK_OUTPUTS.artifactsBucketName;
  if (
    Buffer.byteLength(template.body) > MAX_TEMPLATE_BODY_BYTES &&
    outputsOf(artifacts.stack)?.[artifacts.output] === undefined
  )
    pending.add(artifacts.stack);
  pending.delete(template.id);
  return { pending, importValue, pendingInputs };
}
