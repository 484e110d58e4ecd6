import {
  DeleteObjectsCommand,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
} from '@aws-sdk/client-s3';
import type { DeployContext } from './context';
import { UserError, errorName } from './errors';

/**
 * Deletes every object version and delete marker, page by page. CloudFormation cannot delete a
 * bucket that is not empty, and in a versioned bucket deleting the current objects is not enough.
 * Returns how many versions and markers were removed.
 */
export async function emptyBucket(ctx: DeployContext, bucket: string): Promise<number> {
  const { s3 } = ctx.clients;
  let deleted = 0;
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  try {
    do {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
      );
      const objects: ObjectIdentifier[] = [
        ...(page.Versions ?? []),
        ...(page.DeleteMarkers ?? []),
      ].flatMap((item) => (item.Key ? [{ Key: item.Key, VersionId: item.VersionId }] : []));
      // A page holds at most 1000 entries, DeleteObjects takes at most 1000: one call per page.
      if (objects.length > 0) {
        const result = await s3.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
        );
        if (result.Errors && result.Errors.length > 0) {
          throw new UserError(
            `Could not empty bucket ${bucket}: ${result.Errors.length} object(s) refused deletion.`,
            result.Errors.slice(0, 10).map(
              (e) => `${e.Key ?? '?'} ${e.VersionId ?? ''}: ${e.Code ?? ''} ${e.Message ?? ''}`,
            ),
          );
        }
        deleted += objects.length;
        ctx.reporter.progress(`emptying ${bucket}: ${deleted} versions and delete markers removed`);
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker !== undefined || versionIdMarker !== undefined);
  } catch (error) {
    // Already gone (deleted by hand or never created): nothing to empty.
    if (errorName(error) === 'NoSuchBucket') return deleted;
    throw error;
  } finally {
    ctx.reporter.endProgress();
  }
  return deleted;
}
