import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface StartedShop {
  /** `http://127.0.0.1:<port>`, the URL `npm start` printed as ready. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything `npm start` printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Ctrl-C for `npm start` and its children (its own process group), then waits for it to exit. */
  stop(): Promise<number | null>;
}

export interface RunStartOptions {
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Defaults to a fresh temporary directory, removed by stop(). */
  dataDir?: string;
  timeoutMs?: number;
}

/** `npm start` as a child process: `node ... tools/src/start.ts`, its output captured. */
export function spawnStart(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts', ...args],
    {
      cwd: ROOT,
      // Its own process group, so a failed test can still stop DynamoDB Local and the API.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const killGroup = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', killGroup);
  void exited.then(() => process.removeListener('exit', killGroup));
  return { child, output: () => output, exited };
}

/**
 * Starts the shop the way a newcomer does (`npm start`) on a free port with its own data
 * directory and resolves once it prints that it is ready.
 */
export async function runStart(options: RunStartOptions = {}): Promise<StartedShop> {
  const port = await freePort();
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mini-ecommerce-start-'));
  const { child, output, exited } = spawnStart(options.args ?? [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_ENV: 'local',
    DATA_DIR: dataDir,
    ...options.env,
  });

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    return child.exitCode;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const ready = /ready: the shop is on (http:\/\/\S+)/.exec(output());
    if (ready?.[1]) return { url: ready[1], port, dataDir, output, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not get ready:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
