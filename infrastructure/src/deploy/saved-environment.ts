import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { STACK_INPUTS, STACK_PARAMETERS, type Environment } from '@mini-ecommerce/stack-model';
import type { Stack } from '@aws-sdk/client-cloudformation';
import { parse } from 'yaml';
import type { DeployContext } from './context';
import { UserError, errorMessage } from './errors';
import type { Asker } from './prompt';
import { describeStack, needsRecreate } from './stack-state';
import { STACK_IDS, stackName } from './stacks';
import { loadTemplate, type StackTemplate } from './template';

/**
 * Saved environments: `infrastructure/environments/<env>.json` keeps the parameters an operator
 * chose for an environment (alarm email, SSH CIDR, NAT, auto scaling, web origin...), committed
 * with the code, so `nx run infra:deploy --env staging` needs no flags. Beside the templates
 * rather than at the workspace root: it is the infra project's input, and Nx sees it changing.
 */
export function savedEnvironmentFile(workspaceRoot: string, env: Environment): string {
  return path.join(workspaceRoot, 'infrastructure', 'environments', `${env}.json`);
}

/** Parameters infra:deploy computes itself on every run; saving them would go stale. */
const COMPUTED: ReadonlySet<string> = new Set([
  STACK_PARAMETERS.environment,
  STACK_PARAMETERS.apiOriginDomain,
  STACK_PARAMETERS.apiOriginPort,
  STACK_PARAMETERS.apiOriginArn,
  STACK_PARAMETERS.cloudFrontPrefixListId,
  STACK_PARAMETERS.deployerPrincipalArns,
  ...Object.keys(STACK_INPUTS.monitoring).map(
    (key) => STACK_PARAMETERS[key as keyof typeof STACK_PARAMETERS],
  ),
]);

/** What a real (non-dev) environment must set although the template lets it be empty. */
const REQUIRED_OUTSIDE_DEV: readonly string[] = [STACK_PARAMETERS.alarmEmail];

/** Asked on a guided first deploy, in this order, besides anything without a default. */
const GUIDED: readonly string[] = [
  STACK_PARAMETERS.alarmEmail,
  STACK_PARAMETERS.alarmSmsNumber,
  STACK_PARAMETERS.sshCidr,
  STACK_PARAMETERS.natGatewayMode,
  STACK_PARAMETERS.enableAutoScaling,
  STACK_PARAMETERS.instanceType,
  STACK_PARAMETERS.webOrigin,
];

/** Rules the templates cannot express (CloudFormation has no email type). */
const EXTRA_RULES: Readonly<Record<string, { pattern: RegExp; description: string }>> = {
  [STACK_PARAMETERS.alarmEmail]: {
    pattern: /^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/,
    description: 'an email address such as ops@example.com',
  },
};

/** A settable parameter as the templates declare it. */
export interface ParameterSpec {
  readonly name: string;
  readonly type: string;
  readonly default?: string;
  readonly description?: string;
  readonly allowedValues?: readonly string[];
  readonly allowedPattern?: string;
  readonly constraintDescription?: string;
  readonly minValue?: number;
  readonly maxValue?: number;
}

interface RawParameter {
  Type?: string;
  Default?: unknown;
  Description?: string;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  ConstraintDescription?: string;
  MinValue?: number;
  MaxValue?: number;
}

/** The parameters an operator may save, from every template (a name declared twice agrees). */
export function settableParameters(
  templates: readonly StackTemplate[],
): Map<string, ParameterSpec> {
  const specs = new Map<string, ParameterSpec>();
  for (const template of templates) {
    const document = parse(template.body, { logLevel: 'silent' }) as {
      Parameters?: Record<string, RawParameter>;
    } | null;
    for (const [name, raw] of Object.entries(document?.Parameters ?? {})) {
      if (COMPUTED.has(name) || specs.has(name)) continue;
      specs.set(name, {
        name,
        type: raw.Type ?? 'String',
        ...(raw.Default !== undefined ? { default: String(raw.Default) } : {}),
        ...(raw.Description ? { description: raw.Description } : {}),
        ...(raw.AllowedValues ? { allowedValues: raw.AllowedValues.map(String) } : {}),
        ...(raw.AllowedPattern ? { allowedPattern: raw.AllowedPattern } : {}),
        ...(raw.ConstraintDescription ? { constraintDescription: raw.ConstraintDescription } : {}),
        ...(raw.MinValue !== undefined ? { minValue: raw.MinValue } : {}),
        ...(raw.MaxValue !== undefined ? { maxValue: raw.MaxValue } : {}),
      });
    }
  }
  return specs;
}

/** Why a value does not fit the template's constraints, or undefined when it does. */
export function invalidValue(spec: ParameterSpec, value: string): string | undefined {
  const extra = EXTRA_RULES[spec.name];
  if (extra && !extra.pattern.test(value)) return `expected ${extra.description}`;
  if (spec.allowedValues && !spec.allowedValues.includes(value))
    return `expected one of ${spec.allowedValues.join(', ')}`;
  if (spec.type === 'Number') {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) return 'expected a number';
    if (spec.minValue !== undefined && number < spec.minValue)
      return `expected at least ${spec.minValue}`;
    if (spec.maxValue !== undefined && number > spec.maxValue)
      return `expected at most ${spec.maxValue}`;
  }
  if (spec.allowedPattern) {
    const pattern = new RegExp(`^(?:${spec.allowedPattern})$`);
    const items = spec.type === 'CommaDelimitedList' ? value.split(',') : [value];
    if (!items.every((item) => pattern.test(item)))
      return `expected ${spec.constraintDescription ?? `a value matching ${spec.allowedPattern}`}`;
  }
  return undefined;
}

/** Reads and checks a saved environment; undefined when there is none. */
export async function readSavedEnvironment(
  file: string,
  specs: ReadonlyMap<string, ParameterSpec>,
): Promise<Record<string, string> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${errorMessage(error)}): fix it or delete it.`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UserError(`${file} must hold an object like {"parameters": {"AlarmEmail": "..."}}.`);
  const unknownTop = Object.keys(body).filter((key) => key !== 'parameters');
  if (unknownTop.length > 0)
    throw new UserError(
      `${file} has unknown key ${unknownTop.join(', ')}: it holds only "parameters".`,
    );
  const parameters = (body as { parameters?: unknown }).parameters ?? {};
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
    throw new UserError(`${file}: "parameters" must be an object of names to string values.`);
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    const spec = specs.get(name);
    if (!spec) {
      problems.push(
        COMPUTED.has(name)
          ? `${name} is set by infra:deploy itself and cannot be saved`
          : `${name} is no parameter of the templates (settable: ${[...specs.keys()].sort().join(', ')})`,
      );
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      problems.push(`${name} must be a string`);
      continue;
    }
    const invalid = invalidValue(spec, String(value));
    if (invalid) problems.push(`${name} "${String(value)}": ${invalid}`);
    else values[name] = String(value);
  }
  if (problems.length > 0)
    throw new UserError(
      `${file} has ${problems.length === 1 ? 'a bad entry' : 'bad entries'}: ${problems.join('; ')}.`,
    );
  return values;
}

/** Written sorted by name, one per line, so that a diff of the file reads like the change. */
export async function writeSavedEnvironment(
  file: string,
  values: Readonly<Record<string, string>>,
): Promise<void> {
  const parameters = Object.fromEntries(
    Object.entries(values).sort(([a], [b]) => a.localeCompare(b)),
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ parameters }, null, 2)}\n`);
}

/** Parameters that must have a value before this environment can be deployed. */
export function requiredParameters(
  env: Environment,
  specs: ReadonlyMap<string, ParameterSpec>,
): string[] {
  return [...specs.values()]
    .filter(
      (spec) =>
        spec.default === undefined || (env !== 'dev' && REQUIRED_OUTSIDE_DEV.includes(spec.name)),
    )
    .map((spec) => spec.name);
}

/**
 * The guided questions of a first deploy: each shows the template's default (Enter keeps it),
 * refuses a value that breaks the template's constraints and asks again, and insists on a value
 * for what is required.
 */
export async function askForParameters(
  asker: Asker,
  env: Environment,
  specs: ReadonlyMap<string, ParameterSpec>,
  known: Readonly<Record<string, string>>,
  say: (line: string) => void,
): Promise<Record<string, string>> {
  const required = new Set(requiredParameters(env, specs));
  const names = [
    ...[...required].filter((name) => !GUIDED.includes(name)),
    ...GUIDED.filter((name) => specs.has(name)),
  ].filter((name) => known[name] === undefined);
  const answers: Record<string, string> = {};
  for (const name of names) {
    const spec = specs.get(name) as ParameterSpec;
    if (spec.description) say(`  ${name}: ${spec.description}`);
    // An empty default is no answer to a required question: nothing to offer with Enter.
    const fallback = required.has(name) && spec.default === '' ? undefined : spec.default;
    for (let attempt = 1; ; attempt += 1) {
      const shown = fallback === undefined ? '' : ` [${fallback === '' ? 'empty' : fallback}]`;
      const typed = (await asker.ask(`${name}${shown}:`)).trim();
      const value = typed === '' && fallback !== undefined ? fallback : typed;
      const problem =
        required.has(name) && value === ''
          ? `a value is required for ${env}`
          : invalidValue(spec, value);
      if (!problem) {
        answers[name] = value;
        break;
      }
      if (attempt === 3)
        throw new UserError(
          `${name} "${value}" was refused three times (${problem}): nothing was saved.`,
        );
      say(`  ${name} "${value}": ${problem}; try again.`);
    }
  }
  return answers;
}

/**
 * The parameters of this run: the saved environment, overridden by --parameters, limited to the
 * selected templates. A first deploy of an environment with no saved file asks for the values
 * (on a terminal, without --yes) and saves them; elsewhere it refuses if a required value is
 * missing, naming it. `guided: false` (diff) never asks and never writes.
 */
export async function withSavedEnvironment(
  ctx: DeployContext,
  asker: Asker,
  { guided }: { guided: boolean },
): Promise<DeployContext> {
  const { reporter, env, workspaceRoot, options } = ctx;
  const infrastructureDir = path.join(workspaceRoot, 'infrastructure');
  const all = await Promise.all(STACK_IDS.map((id) => loadTemplate(infrastructureDir, id)));
  const specs = settableParameters(all);
  const file = savedEnvironmentFile(workspaceRoot, env);
  const relative = path.relative(workspaceRoot, file);
  let saved = await readSavedEnvironment(file, specs);
  const given = { ...saved, ...options.parameters };
  const selected = new Set(
    all
      .filter((template) => options.stacks.includes(template.id))
      .flatMap((template) => template.parameters.map((parameter) => parameter.name)),
  );
  const deployed = new DeployedParameters(ctx, all);
  const missing: string[] = [];
  for (const name of requiredParameters(env, specs).filter((required) => selected.has(required)))
    if (!given[name] && !(await deployed.value(name))) missing.push(name);

  const canAsk = guided && asker.interactive && !options.yes;
  if (canAsk && (missing.length > 0 || (saved === undefined && !(await deployed.any())))) {
    reporter.heading(
      `${saved ? `${relative} lacks ${missing.join(', ')}` : `First deploy of ${env}`}: a few questions; the answers are saved to ${relative} (commit it).`,
    );
    const answers = await askForParameters(asker, env, specs, given, (line) => reporter.line(line));
    saved = { ...saved, ...answers };
    await writeSavedEnvironment(file, saved);
    reporter.success(`Saved ${relative}`);
  } else if (guided && missing.length > 0) {
    throw new UserError(
      `${env} needs ${missing.join(', ')}, which neither ${relative} nor --parameters gives${asker.interactive ? ' (and --yes asks nothing)' : ' (and there is no terminal to ask on)'}: add ${missing.map((name) => `"${name}": "<value>"`).join(', ')} under "parameters" in ${relative}, or pass ${missing.map((name) => `--parameters ${name}=<value>`).join(' ')}.`,
    );
  } else if (!guided && missing.length > 0) {
    reporter.warn(
      `${env} needs ${missing.join(', ')} before it can be deployed: infra:deploy asks for ${missing.length === 1 ? 'it' : 'them'} (or set ${relative}).`,
    );
  }

  const fromFile = Object.fromEntries(
    Object.entries(saved ?? {}).filter(([name]) => selected.has(name)),
  );
  if (Object.keys(fromFile).length > 0)
    reporter.line(
      `  settings from ${relative}: ${Object.keys(fromFile).sort().join(', ')}${Object.keys(options.parameters).length > 0 ? ' (--parameters wins)' : ''}`,
    );
  return { ...ctx, options: { ...options, parameters: { ...fromFile, ...options.parameters } } };
}

/** What the deployed stacks hold, read only when a decision needs it. */
class DeployedParameters {
  private stacks: Promise<(Stack | undefined)[]> | undefined;

  constructor(
    private readonly ctx: DeployContext,
    private readonly templates: readonly StackTemplate[],
  ) {}

  private read(): Promise<(Stack | undefined)[]> {
    this.stacks ??= Promise.all(
      this.templates
        .filter((template) => this.ctx.options.stacks.includes(template.id))
        .map((template) =>
          describeStack(this.ctx.clients.cloudFormation, stackName(this.ctx.env, template.id)),
        ),
    );
    return this.stacks;
  }

  /** Whether any selected stack exists: if so, this is no first deploy. */
  async any(): Promise<boolean> {
    return (await this.read()).some((stack) => stack && !needsRecreate(stack.StackStatus));
  }

  /** A non-empty deployed value of the parameter: kept by the next update, so not missing. */
  async value(name: string): Promise<string | undefined> {
    for (const stack of await this.read()) {
      const value = stack?.Parameters?.find((p) => p.ParameterKey === name)?.ParameterValue;
      if (value) return value;
    }
    return undefined;
  }
}
