import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
}

/**
 * The JavaScript a first visit downloads before the storefront can render: the module scripts and
 * modulepreload links of the built index.html (lazy route chunks are not counted), each gzipped at
 * the default level as a web server or CDN would.
 */
export function initialJs(webDist: string): InitialJs {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src) urls.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\brel="modulepreload"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) urls.add(href);
  }
  const files = [...urls]
    .filter((url) => !/^[a-z]+:\/\//i.test(url))
    .map((url) => {
      const path = url.replace(/^\//, '');
      const content = readFileSync(join(webDist, path));
      return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
    });
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/**
 * The JavaScript the browser downloaded to render a page: every script response it fetched (from
 * Lighthouse's network log, lazy route chunks included), each gzipped as a server would send it.
 * Scripts from other origins would be counted by URL only; the storefront has none.
 */
export function downloadedJs(webDist: string, scriptUrls: readonly string[]): InitialJs {
  const files = [...new Set(scriptUrls)].map((url) => {
    const path = new URL(url).pathname.replace(/^\//, '');
    const content = readFileSync(join(webDist, path));
    return { path, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
