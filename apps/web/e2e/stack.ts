import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(import.meta.dirname, '../../..');

export interface Stack {
  url: string;
  admin: { email: string; password: string };
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

/**
 * Starts the whole shop the way a newcomer does (`npm start`, i.e. tools/src/start.ts) on a
 * free port with a fresh data directory, and resolves once it prints its URL as ready.
 */
export async function startStack({ timeoutMs = 200_000 } = {}): Promise<Stack> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'mini-ecommerce-e2e-'));
  const admin = { email: 'e2e-admin@example.com', password: 'admin-password-e2e' };
  const child = spawn(
    process.execPath,
    ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts'],
    {
      cwd: WORKSPACE_ROOT,
      // Its own process group, so stopping it also stops DynamoDB Local and the API it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        APP_ENV: 'local',
      },
    },
  );

  let log = '';
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      if (!(await exited(child, 15_000))) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await exited(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the stack was not ready within ${timeoutMs / 1000} s:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      for (const line of log.split('\n')) {
        const match = /(http:\/\/[^\s)]+)/.exec(line);
        if (match && /ready/i.test(line)) {
          clearTimeout(timer);
          ok(match[1]!.replace(/\/$/, ''));
          return;
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(
        new Error(`the stack exited (code ${code}, signal ${signal}) before it was ready:\n${log}`),
      );
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url, admin, output: () => log, stop };
}
