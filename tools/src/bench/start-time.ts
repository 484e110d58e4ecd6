import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../local-stack/free-port';
import { ROOT } from './api-process';

/**
 * Runs `npm start` (tools/src/start.ts, as the npm script does) on a fresh data directory and a
 * free port, times it until it prints its ready line, then stops it with Ctrl-C (SIGINT). It runs
 * in its own process group so that nothing it started survives a failure.
 */
export async function timeNpmStart(timeoutMs = 60_000): Promise<{ readyMs: number; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mini-ecommerce-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let output = '';
  try {
    const readyMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/ready: the shop is on http:\/\//.test(output)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`npm start exited before it was ready:\n${output}`));
      });
    });
    return { readyMs, output };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(killGroup, 15_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(); // anything left in the group (there should be nothing)
    process.removeListener('exit', killGroup);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
