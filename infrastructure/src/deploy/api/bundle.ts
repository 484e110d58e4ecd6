import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export interface ApiBundle {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

export function apiEntryPoint(workspaceRoot: string): string {
  return path.join(workspaceRoot, 'apps', 'api', 'src', 'server.ts');
}

/**
 * One self-contained ES module. Every dependency is bundled, the AWS SDK included: the instance
 * then needs only Node.js, no `npm install` and no node_modules (the SDK v3 is not preinstalled
 * outside Lambda), and the artifact is exactly what was tested. Workspace libs resolve to their
 * TypeScript source through the custom condition, as everywhere else in the repository.
 */
export async function bundleApi(workspaceRoot: string, outDir: string): Promise<ApiBundle> {
  const file = path.join(outDir, 'server.mjs');
  await build({
    entryPoints: [apiEntryPoint(workspaceRoot)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    conditions: ['@mini-ecommerce/source'],
    // CommonJS dependencies bundled into ESM still call require() and read __dirname.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __pathDirname } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __pathDirname(__filename);',
      ].join('\n'),
    },
    sourcemap: 'inline',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const content = await readFile(file);
  return { file, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length };
}
