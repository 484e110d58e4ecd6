/**
 * Entry point of the deploy tooling: `node --conditions=@mini-ecommerce/source --import tsx
 * infrastructure/src/deploy/cli.ts <command> --env <env> [options]`, run from the workspace root
 * by the Nx targets infra:deploy/diff/destroy, api:deploy and web:deploy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, isHelpRequest, parseCliArgs, type CliOptions } from './args';
import { createAwsClients, resolveRegion, type AwsClientsFactory } from './aws-clients';
import type { DeployContext } from './context';
import { assertCredentials } from './credentials';
import {
  UserError,
  describeAwsError,
  describeEnvironmentError,
  describeAwsTransportError,
  isAwsServiceError,
  isAwsTransportError,
} from './errors';
import { terminalAsk, terminalConfirm, type Asker } from './prompt';
import { Reporter } from './reporter';
import { PRODUCTION_TIMING, type Timing } from './timing';
import { runCommand } from './commands';
import { provisionLocal } from './local-provision';
import { resolveServiceRoleArn } from './service-role';

const WORKSPACE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * What the CLI builds for itself, replaceable by a test that runs `main` in-process: the
 * end-to-end test points it at a temporary workspace and at clients that talk to an emulator.
 */
export interface CliDependencies {
  /** Where `infrastructure/*.yml`, `apps/web/dist` and the saved outputs are. */
  readonly workspaceRoot: string;
  readonly createClients: AwsClientsFactory;
  readonly confirm: (question: string) => Promise<boolean>;
  /** The guided first deploy's questions (saved-environment.ts). */
  readonly ask: Asker;
  readonly timing: Timing;
}

export async function main(
  argv: readonly string[],
  reporter = new Reporter(),
  errors = new Reporter(process.stderr),
  dependencies: Partial<CliDependencies> = {},
): Promise<number> {
  const deps: CliDependencies = {
    workspaceRoot: WORKSPACE_ROOT,
    createClients: createAwsClients,
    confirm: terminalConfirm(),
    ask: terminalAsk(),
    timing: PRODUCTION_TIMING,
    ...dependencies,
  };
  if (isHelpRequest(argv)) {
    reporter.line(USAGE);
    return 0;
  }
  try {
    const options = parseCliArgs(argv);
    if (options.env === 'local') {
      await provisionLocal(options, reporter);
      return 0;
    }
    await withAws(options, reporter, deps, (ctx) => runCommand(ctx, { ask: deps.ask }));
    return 0;
  } catch (error) {
    reporter.endProgress();
    if (error instanceof UserError) {
      errors.error(error.message);
      for (const detail of error.details) errors.line(`    ${detail}`);
      return 1;
    }
    // Whatever AWS answered that no command expected is still the operator's to act on, in
    // one sentence; anything else (a TypeError, ...) is a bug and keeps its stack trace.
    if (isAwsServiceError(error)) {
      errors.error(describeAwsError(error));
      return 1;
    }
    if (isAwsTransportError(error)) {
      errors.error(describeAwsTransportError(error as Error, process.env['AWS_ENDPOINT_URL']));
      return 1;
    }
    const environmentProblem = describeEnvironmentError(error);
    if (environmentProblem) {
      errors.error(environmentProblem);
      return 1;
    }
    throw error;
  }
}

async function withAws(
  options: CliOptions,
  reporter: Reporter,
  deps: CliDependencies,
  run: (ctx: DeployContext) => Promise<void>,
): Promise<void> {
  const clients = deps.createClients(resolveRegion(options.region));
  try {
    const identity = await assertCredentials(clients.sts);
    await run({
      env: options.env,
      region: identity.region,
      account: identity.account,
      callerArn: identity.arn,
      serviceRoleArn: await resolveServiceRoleArn(clients, options.env, {
        command: options.command,
        reporter,
      }),
      clients,
      reporter,
      timing: deps.timing,
      options,
      confirm: deps.confirm,
      workspaceRoot: deps.workspaceRoot,
    });
  } finally {
    clients.destroy();
  }
}

// The SDK warns on every run that future releases need Node 22; the workspace pins Node 20 on
// purpose, and the warning would bury the one-line messages this tool promises.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const text = typeof warning === 'string' ? warning : warning.message;
  if (text.startsWith('NodeVersionSupportWarning')) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Unexpected error (a bug in the deploy tooling):\n${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
