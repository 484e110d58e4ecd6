import { parseArgs } from 'node:util';
import { ENVIRONMENTS, isEnvironment, type Environment } from '@mini-ecommerce/stack-model';
import { UserError, errorMessage } from './errors';
import { STACK_IDS, isStackId, type StackId } from './stacks';

export const COMMANDS = [
  'deploy',
  'diff',
  'destroy',
  'api-deploy',
  'web-deploy',
  'rotate-secret',
  'status',
  'bootstrap',
] as const;
export type Command = (typeof COMMANDS)[number];

/** When infra:deploy asks before executing a change set (issue 14): see change-set approval. */
export const APPROVAL_MODES = ['broadening', 'any-change', 'never'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export interface CliOptions {
  readonly command: Command;
  readonly env: Environment;
  /** Selected stacks in dependency order; all four when --stack is absent. */
  readonly stacks: readonly StackId[];
  readonly yes: boolean;
  /** --require-approval: default `broadening` (asks only when security widens or data could go). */
  readonly requireApproval: ApprovalMode;
  /** --no-rollback: a failed deploy keeps its resources for inspection (DisableRollback). */
  readonly rollback: boolean;
  /** infra:status --drift: run drift detection on each stack. */
  readonly drift: boolean;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly skipBuild: boolean;
  readonly region: string | undefined;
  readonly parameters: Readonly<Record<string, string>>;
}

export const USAGE = `Usage: cli.ts <${COMMANDS.join('|')}> --env <${ENVIRONMENTS.join('|')}> [options]

  --env <env>             target environment (required)
  --stack <name>          only this stack (${STACK_IDS.join(', ')}); repeatable or comma-separated
  --parameters Key=Value  template parameter override; repeatable
  --region <region>       AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region)
  --yes, -y               execute change sets (rotate-secret: rotate) without asking (CI)
  --require-approval <m>  ${APPROVAL_MODES.join('|')}: when to ask before executing (default broadening)
  --no-rollback           keep the resources of a failed deploy for inspection
  --drift                 status: detect drift on each stack
  --dry-run               show the change sets and stop
  --force                 allow destroying prod (turns termination protection off)
  --skip-build            web-deploy/api-deploy: upload what is already built
  --help, -h              this text`;

export function isHelpRequest(argv: readonly string[]): boolean {
  return argv.length === 0 || argv.includes('--help') || argv.includes('-h');
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        env: { type: 'string' },
        stack: { type: 'string', multiple: true },
        parameters: { type: 'string', multiple: true },
        region: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        'require-approval': { type: 'string', default: 'broadening' },
        'no-rollback': { type: 'boolean', default: false },
        drift: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'skip-build': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${errorMessage(error)}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;

  const [command, ...extra] = positionals;
  if (!command || !(COMMANDS as readonly string[]).includes(command)) {
    throw new UserError(
      `Unknown command "${command ?? ''}": expected one of ${COMMANDS.join(', ')}.\n\n${USAGE}`,
    );
  }
  if (extra.length > 0)
    throw new UserError(`Unexpected argument "${extra.join(' ')}".\n\n${USAGE}`);

  const env = values.env;
  if (!env) throw new UserError(`--env is required (one of ${ENVIRONMENTS.join(', ')}).`);
  if (!isEnvironment(env))
    throw new UserError(
      `Unknown environment "${env}": expected one of ${ENVIRONMENTS.join(', ')}.`,
    );

  const requireApproval = values['require-approval'];
  if (!(APPROVAL_MODES as readonly string[]).includes(requireApproval))
    throw new UserError(
      `Unknown --require-approval "${requireApproval}": expected one of ${APPROVAL_MODES.join(', ')}.`,
    );

  return {
    command: command as Command,
    env,
    stacks: parseStacks(values.stack ?? []),
    yes: values.yes,
    requireApproval: requireApproval as ApprovalMode,
    rollback: !values['no-rollback'],
    drift: values.drift,
    dryRun: values['dry-run'],
    force: values.force,
    skipBuild: values['skip-build'],
    region: values.region,
    parameters: parseParameters(values.parameters ?? []),
  };
}

function parseStacks(raw: readonly string[]): StackId[] {
  const requested = raw
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  for (const name of requested) {
    if (!isStackId(name))
      throw new UserError(`Unknown stack "${name}": expected one of ${STACK_IDS.join(', ')}.`);
  }
  // Dependency order wins over the order the operator typed.
  return requested.length === 0 ? [...STACK_IDS] : STACK_IDS.filter((id) => requested.includes(id));
}

function parseParameters(raw: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of raw) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new UserError(`--parameters expects Key=Value, got "${pair}".`);
    result[pair.slice(0, index)] = pair.slice(index + 1);
  }
  return result;
}
