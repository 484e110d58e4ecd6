import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../local-stack/free-port';
import { ROOT } from './api-process';

export interface NpmStart {
  url: string;
  /** Milliseconds from spawning to the ready line. */
  readyMs: number;
  /** The DynamoDB Local endpoint it started. */
  dynamoDbEndpoint: string;
  /** The API process it spawned (for memory sampling). */
  apiPid: number;
  /** DynamoDB Local's Java process (for its CPU time). */
  dynamoDbPid: number;
  output(): string;
  /** Ctrl-C, as a user would; anything left in its process group is killed after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** The process ids whose parent is `pid` (Linux). */
function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    pids.push(
      ...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  }
  return pids;
}

/**
 * Runs `npm start` exactly as the npm script does (tools/src/start.ts) on a free port with
 * DATA_DIR in `parentDir`, and resolves at its ready line. It runs in its own process group so
 * that nothing it started can outlive a failure.
 */
export async function runNpmStart(
  options: { parentDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<NpmStart> {
  const dataDir = mkdtempSync(join(options.parentDir ?? tmpdir(), 'mini-ecommerce-start-'));
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone
    }
  };
  process.once('exit', killGroup);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let output = '';
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(killGroup, graceMs);
      await exited;
      clearTimeout(timer);
    }
    killGroup();
    process.removeListener('exit', killGroup);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const readyMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start was not ready within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/ready: the shop is on http:\/\//.test(output)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`npm start exited before it was ready:\n${output}`));
      });
    });
    const dynamoDbEndpoint = /DynamoDB Local answers on (http:\/\/[\d.:]+)/.exec(output)?.[1];
    const children = childPids(child.pid as number);
    const childRunning = (pattern: RegExp) =>
      children.find((pid) => pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
    const apiPid = childRunning(/apps\/api\/src\/server\.ts|server\.mjs/);
    const dynamoDbPid = childRunning(/DynamoDBLocal\.jar/);
    if (!dynamoDbEndpoint || !apiPid || !dynamoDbPid)
      throw new Error(`could not find DynamoDB Local or the API of npm start:\n${output}`);
    return {
      url: `http://127.0.0.1:${port}`,
      readyMs,
      dynamoDbEndpoint,
      apiPid,
      dynamoDbPid,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
