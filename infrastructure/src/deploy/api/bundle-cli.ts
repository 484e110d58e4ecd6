/**
 * `nx run api:bundle`: the API as it is deployed (one ES module plus its assets) in
 * dist/apps/api, for running it locally exactly as EC2 runs it (`npm run bench` does).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApi } from './bundle';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const outDir = resolve(root, process.argv[2] ?? 'dist/apps/api');
const started = Date.now();
const bundle = await bundleApi(root, outDir);
console.log(
  `bundled the API into ${bundle.dir}/server.mjs (${bundle.files.length} files, ${(bundle.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
