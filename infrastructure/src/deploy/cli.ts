/**
 * Entry point of the deploy tooling: `node --conditions=@mini-ecommerce/source --import tsx
 * infrastructure/src/deploy/cli.ts <command> --env <env> [options]`, run from the workspace root
 * by the Nx targets infra:deploy/diff/destroy, api:deploy and web:deploy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, isHelpRequest, parseCliArgs, type CliOptions } from './args';
import { createAwsClients, resolveRegion } from './aws-clients';
import type { DeployContext } from './context';
import { assertCredentials } from './credentials';
import { UserError } from './errors';
import { terminalConfirm } from './prompt';
import { Reporter } from './reporter';
import { PRODUCTION_TIMING } from './timing';
import { runCommand } from './commands';
import { provisionLocal } from './local-provision';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function main(
  argv: readonly string[],
  reporter = new Reporter(),
  errors = new Reporter(process.stderr),
): Promise<number> {
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
    await withAws(options, reporter, runCommand);
    return 0;
  } catch (error) {
    reporter.endProgress();
    if (error instanceof UserError) {
      errors.error(error.message);
      for (const detail of error.details) errors.line(`    ${detail}`);
      return 1;
    }
    throw error;
  }
}

async function withAws(
  options: CliOptions,
  reporter: Reporter,
  run: (ctx: DeployContext) => Promise<void>,
): Promise<void> {
  const clients = createAwsClients(resolveRegion(options.region));
  try {
    const identity = await assertCredentials(clients.sts);
    await run({
      env: options.env,
      region: identity.region,
      account: identity.account,
      clients,
      reporter,
      timing: PRODUCTION_TIMING,
      options,
      confirm: terminalConfirm(),
      workspaceRoot,
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
