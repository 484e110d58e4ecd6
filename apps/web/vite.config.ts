import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * Writes `.br` and `.gz` beside every text asset of the build, so the API (locally) serves them
 * precompressed with the best settings instead of sending 270 KB of raw JavaScript. CloudFront
 * compresses on its own in AWS.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|css|html|svg|json|txt|webmanifest)$/;
  let outDir = '';
  return {
    name: 'mini-ecommerce:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: () => {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir).filter((path) => TEXT.test(path))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * `nx run web:dev` proxies the API's paths to the API that `npm start` runs: on `PORT` like
 * `npm start` (default 3001, API_PORT in libs/stack-model; tools/src/local-stack/dev-loop.test.ts
 * holds the two equal), or wherever API_PROXY_TARGET points.
 */
const API_TARGET =
  process.env['API_PROXY_TARGET'] ?? `http://127.0.0.1:${process.env['PORT'] || '3001'}`;

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react(), precompress()],
  resolve: {
    // Workspace libs export their TypeScript source under this condition.
    conditions: ['@mini-ecommerce/source', ...defaultClientConditions],
    // The shop runs on Preact's React-compatible layer: react-dom alone is about 57 KB gzip of the
    // 90 KB budget. Unit tests (vitest) keep React for Testing Library; the browser end-to-end
    // test runs the built, Preact-based storefront.
    alias: process.env['VITEST']
      ? []
      : [
          { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
          { find: /^react$/, replacement: 'preact/compat' },
        ],
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    strictPort: true,
    proxy: Object.fromEntries(
      ['/api', '/health', '/images', '/docs'].map((path) => [
        path,
        {
          target: API_TARGET,
          changeOrigin: false,
          // Without the API, answer in the API's error shape so the storefront says what to do.
          configure: (proxy) =>
            proxy.on('error', (_error, _request, response) => {
              if (!('writeHead' in response) || response.headersSent) return;
              response
                .writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' })
                .end(
                  JSON.stringify({
                    error: {
                      code: 'UNAVAILABLE',
                      message: `The API does not answer on ${API_TARGET}: start it with npm start (with the same PORT) or set API_PROXY_TARGET.`,
                    },
                  }),
                );
            }),
        },
      ]),
    ),
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    target: 'es2022',
  },
});
