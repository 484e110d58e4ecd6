import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv, type Plugin } from 'vite';
// By path, not by package name: Vite bundles a config's relative imports (TypeScript included)
// but hands package imports to Node, which cannot load the libs' TypeScript source.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { API_PORT } from '../../libs/stack-model/src/ports.ts';
import { HOME_API_REQUESTS } from './src/config/home-requests.ts';

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
 * `<link rel="preload" as="fetch">` for the home page's first API requests (the catalog's first
 * page and the categories): the browser starts them with the HTML instead of after the JavaScript
 * has loaded and rendered, which is most of the wait for the home page's largest paint (the first
 * product image). `fetch()` of the same URL, mode and credentials takes the preloaded response.
 * `apiUrl` is the build's VITE_API_URL (src/config/env.ts), empty for the same origin.
 */
function preloadHomeRequests(apiUrl: string): Plugin {
  return {
    name: 'mini-ecommerce:preload-home-requests',
    transformIndexHtml: () =>
      HOME_API_REQUESTS.map((path) => ({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `${apiUrl}${path}` },
        injectTo: 'head' as const,
      })),
  };
}

/**
 * `nx run web:dev` proxies the API's paths to the API that `npm start` runs: on `PORT` like
 * `npm start` (default API_PORT), or wherever API_PROXY_TARGET points.
 */
const API_TARGET =
  process.env['API_PROXY_TARGET'] ?? `http://127.0.0.1:${process.env['PORT'] || API_PORT}`;

export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [
    react(),
    preloadHomeRequests(
      (loadEnv(mode, import.meta.dirname, 'VITE_')['VITE_API_URL'] ?? '').replace(/\/+$/, ''),
    ),
    precompress(),
  ],
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
    rolldownOptions: {
      output: {
        // What the entry imports statically (the shell, the home page, the data layer) is one
        // chunk beside the entry rather than a dozen small shared chunks: on HTTP/1.1 (npm start)
        // each costs a connection slot and a round trip. Lazy pages still get chunks of their own.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
}));
