import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { DeployContext } from '../context';
import { UserError } from '../errors';
import { cacheControlFor, contentTypeFor } from './cache-policy';

const CONCURRENCY = 8;

/** Files of the build to upload. The `.br`/`.gz` copies are for the local server; CloudFront compresses itself. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/**
 * Uploads the built site. HTML goes last: until index.html is replaced, visitors keep loading
 * the old pages, whose assets are still there; afterwards, the new assets already are.
 */
export async function uploadSite(
  ctx: DeployContext,
  bucket: string,
  root: string,
): Promise<string[]> {
  const keys = await listFiles(root);
  if (!keys.includes('index.html'))
    throw new UserError(`${root} has no index.html: the storefront build did not produce a site.`);
  const ordered = [
    ...keys.filter((key) => !key.endsWith('.html')),
    ...keys.filter((key) => key.endsWith('.html')),
  ];
  let done = 0;
  const upload = async (key: string) => {
    await ctx.clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: await readFile(path.join(root, key)),
        ContentType: contentTypeFor(key),
        CacheControl: cacheControlFor(key),
      }),
    );
    done += 1;
    ctx.reporter.progress(`uploading to s3://${bucket}: ${done}/${ordered.length} files`);
  };
  const assets = ordered.filter((key) => !key.endsWith('.html'));
  const pages = ordered.filter((key) => key.endsWith('.html'));
  await inBatches(assets, upload);
  await inBatches(pages, upload);
  ctx.reporter.endProgress();
  return keys;
}

async function inBatches(
  keys: readonly string[],
  task: (key: string) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < keys.length; start += CONCURRENCY) {
    await Promise.all(keys.slice(start, start + CONCURRENCY).map(task));
  }
}

/** Deletes objects of earlier builds that this build no longer has. Returns the deleted keys. */
export async function removeStale(
  ctx: DeployContext,
  bucket: string,
  keep: readonly string[],
): Promise<string[]> {
  const wanted = new Set(keep);
  const stale: string[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.clients.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? [])
      if (object.Key && !wanted.has(object.Key)) stale.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  for (let start = 0; start < stale.length; start += 1000) {
    const batch = stale.slice(start, start + 1000);
    const result = await ctx.clients.s3.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    if (result.Errors?.length) {
      throw new UserError(
        `Could not delete ${result.Errors.length} stale file(s) from ${bucket}.`,
        result.Errors.map((e) => `${e.Key}: ${e.Code}`),
      );
    }
  }
  return stale;
}
