import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the Nx targets an operator types', () => {
  it('pass --env through to the deploy CLI (nx:run-commands would take it as its own env option)', () => {
    // --env local needs no AWS account: without DYNAMODB_ENDPOINT the CLI says what is missing.
    const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' };
    delete env['DYNAMODB_ENDPOINT'];
    const result = spawnSync(
      'npx',
      ['nx', 'run', 'infra:deploy', '--env', 'local', '--skip-nx-cache'],
      {
        cwd: workspaceRoot,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/does not match the schema/);
    expect(output).toMatch(/DYNAMODB_ENDPOINT is not set/);
    expect(result.status).not.toBe(0);
  });

  it('infra:status runs the status command with --env passed through', () => {
    const result = spawnSync(
      'npx',
      ['nx', 'run', 'infra:status', '--env', 'local', '--skip-nx-cache'],
      {
        cwd: workspaceRoot,
        env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/does not match the schema|Cannot find configuration/);
    // The CLI itself answered, about the status command: it got the command and the environment.
    expect(output).toMatch(/"status" has nothing to do for --env local/);
    expect(result.status).not.toBe(0);
  });
});
