import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../local-stack/free-port';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

/** The secret the bench, soak and resilience runs give their API, so they can mint shopper tokens. */
export const LOAD_TEST_JWT_SECRET = 'load-test-secret-only-for-local-benchmarks-0123456789';

export interface ApiProcessOptions {
  dynamoDbEndpoint: string;
  port?: number;
  imagesDir: string;
  /** The built storefront to serve; a directory without index.html serves none. */
  webDist?: string;
  env?: Record<string, string>;
  /** Extra node options placed before the entry (profiling, heap flags). */
  nodeArgs?: string[];
  /** How long to wait for /health/ready. */
  readyTimeoutMs?: number;
}

export interface ApiProcess {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** stdout and stderr, last 20 kB. */
  output(): string;
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** Sends a signal and waits for the exit (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/**
 * Runs the API the way `npm start` does (node with tsx on the sources) as a child process on a
 * loopback port, and resolves once /health/ready answers 200.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      '--conditions=@mini-ecommerce/source',
      '--import',
      'tsx',
      join(ROOT, 'apps/api/src/server.ts'),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        APP_ENV: 'local',
        PORT: String(port),
        HOST: '127.0.0.1',
        DYNAMODB_ENDPOINT: options.dynamoDbEndpoint,
        LOG_LEVEL: 'warn',
        JWT_SECRET: LOAD_TEST_JWT_SECRET,
        IMAGES_DIR: options.imagesDir,
        WEB_DIST: options.webDist ?? join(options.imagesDir, 'no-storefront'),
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
        ...options.env,
      },
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 12_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`the API was not ready on ${url} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, process: child, output: () => output, exited, stop };
}

/** CPU time (user and system) a process has used so far, in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set size of a process in bytes (Linux), or undefined once it is gone. */
export function residentBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; keeps every sample. */
export function sampleResidentMemory(pid: number, intervalMs = 100) {
  const samples: { at: number; bytes: number }[] = [];
  const take = () => {
    const bytes = residentBytes(pid);
    if (bytes !== undefined) samples.push({ at: Date.now(), bytes });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    peak: () => samples.reduce((max, s) => Math.max(max, s.bytes), 0),
    stop: () => {
      clearInterval(timer);
      take();
    },
  };
}
