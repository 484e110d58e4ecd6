import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const IGNORED = new Set(['dist', 'node_modules', 'test-results', 'out-tsc', 'e2e', 'coverage']);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (IGNORED.has(entry) || entry.endsWith('.test.tsx') || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when apps/web/dist is missing or older than the storefront's sources (or the domain lib it uses). */
export function webBuildIsStale(root: string): boolean {
  const built = join(root, 'apps/web/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(join(root, 'apps/web')),
    newestMtime(join(root, 'libs/domain/src')),
  );
  return sources > statSync(built).mtimeMs;
}

/** Runs Vite's production build for apps/web, streaming its output through `log`. */
export function buildWeb(root: string, log: (line: string) => void): Promise<void> {
  const require = createRequire(import.meta.url);
  const viteBin = join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
      cwd: join(root, 'apps/web'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim())
        .forEach((line) => log(line));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the storefront build failed (exit ${code})`)),
    );
  });
}
