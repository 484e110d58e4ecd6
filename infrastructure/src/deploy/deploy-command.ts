import type { DeployContext } from './context';
import { UserError, errorMessage } from './errors';
import { StackOutputs, saveOutputs } from './outputs';
import { assertKnownParameters } from './parameters';
import { deployStack } from './deploy-stack';
import { stackInputs } from './stack-inputs';
import {
  API_ORIGIN_ARN_PARAMETER,
  API_ORIGIN_PARAMETER,
  API_ORIGIN_PORT_PARAMETER,
} from './output-names';
import { collisionLines, collisionRefusal, type Collision } from './diff/collisions';
import { evaluateNewStack, newStackCollisions, printNewStackPlan } from './diff/new-stack';
import { stackDependencies } from './stack-inputs';
import { describeStack, needsRecreate } from './stack-state';
import { stackName, type StackId } from './stacks';
import { loadTemplate, type StackTemplate } from './template';
import { deployedTemplate, templateDiffLines } from './template-diff';
import path from 'node:path';

export async function loadSelectedTemplates(ctx: DeployContext): Promise<StackTemplate[]> {
  const infrastructureDir = path.join(ctx.workspaceRoot, 'infrastructure');
  const templates = await Promise.all(
    ctx.options.stacks.map((id) => loadTemplate(infrastructureDir, id)),
  );
  assertKnownParameters(templates, ctx.options.parameters);
  return templates;
}

/**
 * `infra:deploy`: every selected stack in dependency order. A failure stops the run, since the
 * later stacks import the earlier ones' exports. Outputs of all deployed stacks are printed and
 * saved at the end.
 */
export async function deployCommand(ctx: DeployContext): Promise<void> {
  const { reporter, options, env } = ctx;
  const templates = await loadSelectedTemplates(ctx);
  const outputs = new StackOutputs(ctx);
  reporter.heading(
    `${options.dryRun ? 'Planning' : 'Deploying'} ${templates.map((t) => t.id).join(', ')} to ${env} in ${ctx.region} (account ${ctx.account})`,
  );
  const blocked: string[] = [];
  for (const template of templates) {
    const name = stackName(env, template.id);
    reporter.heading(name);
    const stackCtx = await withStackInputs(ctx, template);
    // A real deploy checks names on the CREATE change set itself (see previewChangeSet).
    if (options.dryRun) {
      const check = await checkNewStack(stackCtx, template, outputs);
      if (check.blocked) blocked.push(name);
      if (check.planned) continue;
    }
    await deployStack(stackCtx, template, {
      planOnly: options.dryRun,
      artifactBucket: () => outputs.get('artifactsBucketName'),
    });
  }
  if (options.dryRun) {
    reporter.line();
    if (blocked.length > 0)
      throw new UserError(
        `Dry run: ${blocked.join(', ')} would fail to create on the names listed above; nothing was executed.`,
      );
    reporter.success('Dry run: nothing was executed and no change set was left behind.');
    return;
  }
  // An unusable API address must not cost the operator the outputs of four deployed stacks:
  // they are saved first, and the problem is reported after.
  const unconnected = await connectApiOrigin(ctx, templates);
  await printAndSaveOutputs(ctx);
  if (unconnected) throw new UserError(unconnected);
}

/**
 * The host and port CloudFront can forward /api/* to, from the ec2 stack's ApiUrl output; a
 * sentence saying what is wrong when the output is no usable http(s) address. An instance without
 * a public address, for instance, makes the output `http://:3001`.
 */
export function apiOrigin(
  apiUrl: string,
  env: string,
): { host: string; hostname: string; port: string } | { problem: string } {
  let url: URL | undefined;
  try {
    url = new URL(apiUrl);
  } catch {
    url = undefined;
  }
  const label = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
  const validHost =
    url !== undefined &&
    (new RegExp(`^${label}(\\.${label})*$`, 'i').test(url.hostname) ||
      /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname));
  if (!url || !/^https?:$/.test(url.protocol) || !validHost) {
    return {
      problem: `The ec2 stack's ApiUrl output "${apiUrl}" has no usable host, so CloudFront cannot forward /api/* to the API (the stacks are deployed and their outputs saved): give the API a public address (check the ec2 stack's instance, Elastic IP or load balancer) and run \`nx run infra:deploy --env ${env}\` again.`,
    };
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return { host: url.host, hostname: url.hostname, port };
}

/**
 * The storefront is served over HTTPS by CloudFront, which also forwards /api/* to the API so the
 * browser sees one origin (an https page may not call an http API). The main stack needs the
 * API's address for that, but the API is created later by the ec2 stack: once ec2 exists, main
 * is updated with its address. Runs again only when the address changed (a replaced instance).
 */
async function connectApiOrigin(
  ctx: DeployContext,
  templates: readonly StackTemplate[],
): Promise<string | undefined> {
  const main = templates.find((template) => template.id === 'main');
  if (
    !main ||
    !ctx.options.stacks.includes('ec2') ||
    ctx.options.parameters[API_ORIGIN_PARAMETER] !== undefined
  )
    return;
  if (!main.parameters.some((parameter) => parameter.name === API_ORIGIN_PARAMETER)) return;
  const outputs = new StackOutputs(ctx);
  const apiUrl = await outputs.optional('apiUrl');
  if (!apiUrl) return;
  const url = apiOrigin(apiUrl, ctx.env);
  if ('problem' in url) return url.problem;
  // Outside dev the API is private: CloudFront reaches it through a VPC origin on this ARN.
  const originArn = (await outputs.optional('apiOriginArn')) ?? 'none';
  const arn = originArn === 'none' ? '' : originArn;
  const takesArn = main.parameters.some((parameter) => parameter.name === API_ORIGIN_ARN_PARAMETER);
  const deployed = await describeStack(ctx.clients.cloudFormation, stackName(ctx.env, 'main'));
  const deployedValue = (key: string) =>
    deployed?.Parameters?.find((parameter) => parameter.ParameterKey === key)?.ParameterValue ?? '';
  if (
    deployedValue(API_ORIGIN_PARAMETER) === url.hostname &&
    deployedValue(API_ORIGIN_PORT_PARAMETER) === url.port &&
    (!takesArn || deployedValue(API_ORIGIN_ARN_PARAMETER) === arn)
  )
    return;
  ctx.reporter.heading(
    `Connecting CloudFront /api/* to the API at ${url.host}${arn ? ` (VPC origin ${arn})` : ''}`,
  );
  const parameters = {
    ...ctx.options.parameters,
    [API_ORIGIN_PARAMETER]: url.hostname,
    [API_ORIGIN_PORT_PARAMETER]: url.port,
    ...(takesArn ? { [API_ORIGIN_ARN_PARAMETER]: arn } : {}),
  };
  await deployStack({ ...ctx, options: { ...ctx.options, parameters } }, main, {
    planOnly: false,
    artifactBucket: () => outputs.get('artifactsBucketName'),
  });
}

async function printAndSaveOutputs(ctx: DeployContext): Promise<void> {
  const { reporter } = ctx;
  const fresh = new StackOutputs(ctx);
  const all: Partial<Record<StackId, Record<string, string>>> = {};
  reporter.heading('Outputs');
  for (const id of ['main', 'database', 'ec2', 'monitoring'] as const) {
    const values = await fresh.forStack(id);
    if (!values) continue;
    all[id] = values;
    for (const [key, value] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) {
      reporter.line(`  ${reporter.style('gray', `${id}.`)}${key} = ${value}`);
    }
  }
  const file = await saveOutputs(ctx.workspaceRoot, ctx.env, ctx.region, all);
  reporter.success(`Outputs saved to ${path.relative(ctx.workspaceRoot, file)}`);
}

/** The context one stack is deployed with: its inputs from earlier stacks, then --parameters. */
async function withStackInputs(
  ctx: DeployContext,
  template: StackTemplate,
): Promise<DeployContext> {
  const inputs = await stackInputs(ctx, template);
  return {
    ...ctx,
    options: { ...ctx.options, parameters: { ...inputs, ...ctx.options.parameters } },
  };
}

/**
 * Planning (diff, --dry-run) a stack that does not exist yet, or that a failed first create left
 * to be recreated: the names it would take that something else already holds are reported
 * (`blocked`) and, when the stacks it imports from are not deployed either, its plan is printed
 * from the local template (`planned`) instead of a change set CloudFormation cannot compute.
 * `outputs` is the command's StackOutputs: planning deploys nothing, so its reads stay current.
 */
async function checkNewStack(
  ctx: DeployContext,
  template: StackTemplate,
  outputs: StackOutputs,
): Promise<{ blocked: boolean; planned: boolean }> {
  const name = stackName(ctx.env, template.id);
  const existing = await describeStack(ctx.clients.cloudFormation, name);
  if (existing && !needsRecreate(existing.StackStatus)) return { blocked: false, planned: false };
  const dependencies = await stackDependencies(ctx, template, outputs);
  const resources = evaluateNewStack(ctx, name, template, ctx.options.parameters, dependencies);
  const collisions = await newStackCollisions(ctx, resources);
  const planned = dependencies.pending.size > 0;
  if (planned) printNewStackPlan(ctx, name, resources, dependencies);
  if (collisions.length > 0) reportCollisions(ctx, collisionRefusal(name, collisions), collisions);
  return { blocked: collisions.length > 0, planned };
}

function reportCollisions(ctx: DeployContext, sentence: string, collisions: readonly Collision[]) {
  ctx.reporter.error(sentence);
  for (const line of collisionLines(collisions)) ctx.reporter.line(`    ${line}`);
}

/**
 * `infra:diff`: the change set of every selected stack without executing it, and the textual
 * difference between the deployed template and the local one. A stack not deployed yet is checked
 * for names already taken, and planned from its template when the stacks it imports from are not
 * deployed either (a new environment). A stack whose change set fails is reported and the others
 * still shown.
 */
export async function diffCommand(ctx: DeployContext): Promise<void> {
  const { reporter, env } = ctx;
  const templates = await loadSelectedTemplates(ctx);
  const outputs = new StackOutputs(ctx);
  const failures: string[] = [];
  const blocked: string[] = [];
  reporter.heading(`Differences for ${env} in ${ctx.region} (account ${ctx.account})`);
  for (const template of templates) {
    const name = stackName(env, template.id);
    reporter.heading(name);
    const deployed = await deployedTemplate(ctx, name);
    if (deployed === undefined) {
      reporter.line('  not deployed: everything in the template is new');
    } else {
      const lines = templateDiffLines(ctx, deployed, template);
      if (lines.length === 0) reporter.line('  template: identical to the deployed one');
      else for (const line of lines) reporter.line(`  ${line}`);
    }
    try {
      const stackCtx = await withStackInputs(ctx, template);
      const check = await checkNewStack(stackCtx, template, outputs);
      if (check.blocked) blocked.push(name);
      if (check.planned) continue;
      await deployStack(stackCtx, template, {
        planOnly: true,
        artifactBucket: () => outputs.get('artifactsBucketName'),
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reporter.error(errorMessage(error));
      failures.push(name);
    }
  }
  const problems = [
    failures.length > 0 ? `could not compute the change set of ${failures.join(', ')}` : '',
    blocked.length > 0
      ? `${blocked.join(', ')} would fail to create on the names listed above`
      : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new UserError(`The plan is incomplete: ${problems.join('; ')}.`);
  }
}
