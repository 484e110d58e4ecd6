import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiEntryPoint, bundleApi } from './bundle';
import { CJS_WRAPPER } from '../../instance/app-scripts';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const hasApi = existsSync(apiEntryPoint(workspaceRoot));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(
  url: string,
  timeoutMs: number,
  exited: () => string | undefined,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = exited();
    if (reason) throw new Error(`the bundled API exited: ${reason}`);
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('API bundle', () => {
  it.skipIf(!hasApi)(
    'starts from the esbuild bundle, through the PM2 CommonJS wrapper, and answers GET /health (skipped while apps/api/src/server.ts does not exist)',
    async () => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'api-bundle-'));
      const bundle = await bundleApi(workspaceRoot, outDir);
      expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
      // PM2's lock ships in the release, so SHA256SUMS vouches for it (issue 16 item 8).
      expect(bundle.files.map((file) => file.path)).toEqual(
        expect.arrayContaining(['pm2/package.json', 'pm2/package-lock.json']),
      );
      await writeFile(path.join(outDir, 'server.cjs'), CJS_WRAPPER);

      const port = await freePort();
      // Outside the workspace, so nothing can be resolved from node_modules: the bundle must stand alone.
      const child = spawn(process.execPath, ['server.cjs'], {
        cwd: outDir,
        env: {
          PATH: process.env['PATH'],
          PORT: String(port),
          HOST: '127.0.0.1',
          APP_ENV: 'local',
          // Liveness must not depend on the database: nothing listens on port 9.
          DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      let exit: string | undefined;
      child.on('exit', (code, signal) => (exit = `code ${code} signal ${signal}\n${output}`));
      try {
        const response = await waitForHealth(`http://127.0.0.1:${port}/health`, 20_000, () => exit);
        expect(response.status, output).toBe(200);
        expect(await response.json()).toMatchObject({ status: 'ok' });
        // The API documentation serves files that had to be shipped beside the bundle.
        const docs = await fetch(`http://127.0.0.1:${port}/docs/static/index.html`);
        expect(docs.status, output).toBe(200);
      } finally {
        child.kill('SIGTERM');
      }
    },
    90_000,
  );
});
