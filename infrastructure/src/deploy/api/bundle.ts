import { createHash } from 'node:crypto';
import { cp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PM2_FILES, PM2_LOCK_DIR, PM2_RELEASE_DIR } from '../../instance/app-scripts';

export interface BundleFile {
  /** Path inside the release directory, with forward slashes. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ApiBundle {
  readonly dir: string;
  /** server.mjs first, then the assets that must sit beside it and PM2's lock (`pm2/`). */
  readonly files: readonly BundleFile[];
  /** Identifies the release: a hash over every file's path and hash. */
  readonly sha256: string;
  readonly bytes: number;
}

export function apiEntryPoint(workspaceRoot: string): string {
  return path.join(workspaceRoot, 'apps', 'api', 'src', 'server.ts');
}

/**
 * Packages that read files next to their own code at run time. Bundled, their code no longer
 * sits next to those files, so their assets are copied to `node_modules/<name>/` in the release
 * and the package's __dirname is pointed there (see assetPackagesPlugin).
 */
const ASSET_PACKAGES = [{ name: '@fastify/swagger-ui', assets: ['static'] }] as const;

/**
 * One ES module plus the few assets listed above. Every dependency is bundled, the AWS SDK
 * included: the instance then needs only Node.js, no `npm install` and no node_modules (the SDK
 * v3 is not preinstalled outside Lambda), and the artifact is exactly what was tested. Workspace
 * libs resolve to their TypeScript source through the custom condition, as everywhere else.
 */
export async function bundleApi(workspaceRoot: string, outDir: string): Promise<ApiBundle> {
  await rm(outDir, { recursive: true, force: true });
  const requireFromApi = createRequire(apiEntryPoint(workspaceRoot));
  const packages = ASSET_PACKAGES.map((pkg) => ({
    ...pkg,
    root: path.dirname(requireFromApi.resolve(`${pkg.name}/package.json`)),
  }));
  await build({
    entryPoints: [apiEntryPoint(workspaceRoot)],
    outfile: path.join(outDir, 'server.mjs'),
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
        'const __bundleDir = __dirname;',
      ].join('\n'),
    },
    plugins: [assetPackagesPlugin(packages)],
    // Whitespace and syntax minified: V8 keeps the source of every loaded script in the heap, and
    // the readable 5.5 MB bundle (held as a two-byte string because comments carried non-ASCII
    // characters) cost the API about 15 MB of resident memory (SPEC budget: 128 MB under load);
    // the 3.7 MB minified one is pure ASCII. Identifiers are not renamed, so stack traces and code
    // that reads a function's or class's name (plugin names, `constructor.name` checks in
    // dependencies) behave as before; esbuild's keepNames, the other way to keep them, measured
    // worse than no minification at all.
    minifyWhitespace: true,
    minifySyntax: true,
    // The map stays in dist/deploy/api for reading traces locally; it never ships (9 MB the instance does not use).
    sourcemap: 'external',
    legalComments: 'none',
    logLevel: 'silent',
  });
  for (const pkg of packages) {
    for (const asset of pkg.assets) {
      await cp(path.join(pkg.root, asset), path.join(outDir, 'node_modules', pkg.name, asset), {
        recursive: true,
      });
    }
  }
  // PM2's manifest and lock ride in the release, so its checksums vouch for them (app-scripts.ts).
  for (const file of PM2_FILES)
    await cp(path.join(PM2_LOCK_DIR, file), path.join(outDir, PM2_RELEASE_DIR, file));
  return describeBundle(outDir);
}

function assetPackagesPlugin(packages: readonly { name: string; root: string }[]): Plugin {
  return {
    name: 'asset-packages',
    setup(builder) {
      for (const pkg of packages) {
        const escaped = pkg.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        builder.onLoad({ filter: new RegExp(`^${escaped}[\\\\/].*\\.c?js$`) }, async (args) => {
          const relativeDir = path
            .relative(pkg.root, path.dirname(args.path))
            .split(path.sep)
            .join('/');
          const target = ['node_modules', pkg.name, relativeDir].filter(Boolean).join('/');
          // esbuild wraps each CommonJS module in a function, so this shadows the bundle-wide __dirname.
          const prelude = `var __dirname = require('node:path').join(__bundleDir, ${JSON.stringify(target)});\n`;
          return {
            contents: prelude + (await readFile(args.path, 'utf8')),
            loader: 'js',
            resolveDir: path.dirname(args.path),
          };
        });
      }
    },
  };
}

async function describeBundle(dir: string): Promise<ApiBundle> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort((a, b) => (a === 'server.mjs' ? -1 : b === 'server.mjs' ? 1 : a.localeCompare(b)));
  const files: BundleFile[] = [];
  for (const file of paths) {
    const content = await readFile(path.join(dir, file));
    files.push({
      path: file,
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
    });
  }
  const sha256 = createHash('sha256')
    .update(files.map((file) => `${file.sha256}  ${file.path}`).join('\n'))
    .digest('hex');
  return { dir, files, sha256, bytes: files.reduce((total, file) => total + file.bytes, 0) };
}
