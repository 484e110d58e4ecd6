import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Projects that use another project's files by path (the API bundler in infrastructure, the
 * DynamoDB Local and moto test setups in tools, the storefront's end-to-end stack) declare it, so
 * `nx affected` and the cache see the dependency.
 */
async function affectedBy(file: string): Promise<string[]> {
  const { stdout } = await run(
    'npx',
    ['nx', 'show', 'projects', '--affected', `--files=${file}`, '--json'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
      timeout: 90_000,
    },
  );
  return (JSON.parse(stdout) as string[]).sort();
}

describe('the project graph', () => {
  it('picks the API up when its bundler in infrastructure changes', async () => {
    expect(await affectedBy('infrastructure/src/deploy/api/bundle.ts')).toContain('api');
  });

  it('picks up every project whose tests start the local stack when its setup changes', async () => {
    expect(await affectedBy('tools/src/local-stack/vitest-global-setup.ts')).toEqual(
      expect.arrayContaining(['api', 'infra', 'tools', 'web']),
    );
  });
});
