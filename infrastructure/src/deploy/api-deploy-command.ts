import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bundleApi, type ApiBundle } from './api/bundle';
import { ensureJwtSecret, jwtSecretName } from './api/jwt-secret';
import { gateScript, installScript, rollbackScript } from './api/remote-scripts';
import { findInstances, runOnInstance } from './api/run-command';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { StackOutputs } from './outputs';
import { stackName } from './stacks';

export interface ApiDeployDependencies {
  readonly bundle: (workspaceRoot: string, outDir: string) => Promise<ApiBundle>;
  readonly presign: (s3: S3Client, bucket: string, key: string) => Promise<string>;
}

const DEFAULT_DEPENDENCIES: ApiDeployDependencies = {
  bundle: bundleApi,
  // Valid long enough for a slow instance to start the download; the URL is the only credential it gets.
  presign: (s3, bucket, key) =>
    getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 }),
};

/**
 * `api:deploy`: bundle, upload under a release key, make sure the JWT secret exists, then roll
 * out instance by instance. Each instance must pass /health/ready before the next one is touched;
 * one that fails is put back on its previous release and the deploy stops there.
 */
export async function apiDeployCommand(
  ctx: DeployContext,
  deps: ApiDeployDependencies = DEFAULT_DEPENDENCIES,
): Promise<void> {
  const { reporter, env, clients } = ctx;
  const outputs = new StackOutputs(ctx);
  // Everything that can be checked before the build is checked first: a missing stack fails in seconds.
  const bucket = await outputs.get('artifactBucket');
  const instances = await findInstances(ctx, stackName(env, 'ec2'));
  reporter.heading(
    `Deploying the API to ${env} (${instances.map((i) => i.InstanceId).join(', ')})`,
  );

  const outDir = path.join(ctx.workspaceRoot, 'dist', 'deploy', 'api');
  await mkdir(outDir, { recursive: true });
  reporter.progress('bundling apps/api with esbuild');
  const bundle = await deps.bundle(ctx.workspaceRoot, outDir);
  reporter.endProgress();
  reporter.line(
    `  bundled ${bundle.files.length} file(s), ${Math.round(bundle.bytes / 1024)} KiB, in ${path.relative(ctx.workspaceRoot, bundle.dir)}`,
  );

  const releaseId = `${new Date(ctx.timing.now()).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${bundle.sha256.slice(0, 12)}`;
  const prefix = `api/${env}/${releaseId}`;
  let uploaded = 0;
  for (const file of bundle.files) {
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `${prefix}/${file.path}`,
        Body: await readFile(path.join(bundle.dir, file.path)),
        Metadata: { sha256: file.sha256 },
      }),
    );
    uploaded += 1;
    reporter.progress(`uploading to s3://${bucket}/${prefix}/: ${uploaded}/${bundle.files.length}`);
  }
  reporter.endProgress();
  reporter.line(`  uploaded s3://${bucket}/${prefix}/`);

  const secret = await ensureJwtSecret(clients.ssm, env);
  reporter.line(
    `  JWT secret ${jwtSecretName(env)}: ${secret === 'created' ? 'created (random, SecureString)' : 'exists, left unchanged'}`,
  );

  const environment: Record<string, string> = {};
  const imagesBucket = await outputs.optional('imagesBucket');
  const websiteUrl = await outputs.optional('websiteUrl');
  if (imagesBucket) environment['IMAGES_BUCKET'] = imagesBucket;
  if (websiteUrl) environment['WEB_ORIGIN'] = websiteUrl;
  const files = await Promise.all(
    bundle.files.map(async (file) => ({
      ...file,
      url: await deps.presign(clients.s3, bucket, `${prefix}/${file.path}`),
    })),
  );

  for (const instance of instances) {
    const id = instance.InstanceId as string;
    reporter.heading(`${id}: release ${releaseId}`);
    const install = await runOnInstance(
      ctx,
      id,
      `mini-ecommerce ${env}: install ${releaseId}`,
      installScript({ env, region: ctx.region, releaseId, files, environment }),
    );
    const previous = /PREVIOUS_RELEASE=(\S*)/.exec(install.output)?.[1] || undefined;
    if (!install.succeeded) {
      throw new UserError(
        `Installing release ${releaseId} on ${id} failed (${install.status}); the running release was not switched.`,
        tail(install.output),
      );
    }
    reporter.line(`  installed and reloaded (previous release: ${previous ?? 'none'})`);

    const gate = await runOnInstance(
      ctx,
      id,
      `mini-ecommerce ${env}: gate /health/ready`,
      gateScript(),
      120,
    );
    if (gate.succeeded) {
      reporter.success(`${id}: /health/ready answers 200 on ${releaseId}`);
      continue;
    }
    reporter.error(`${id}: /health/ready did not answer 200 on ${releaseId}`);
    if (!previous) {
      throw new UserError(
        `Release ${releaseId} is not ready on ${id} and there is no previous release to roll back to.`,
        tail(gate.output),
      );
    }
    reporter.line(`  rolling back to ${previous}`);
    const rollback = await runOnInstance(
      ctx,
      id,
      `mini-ecommerce ${env}: roll back to ${previous}`,
      rollbackScript(previous),
    );
    const recheck = rollback.succeeded
      ? await runOnInstance(
          ctx,
          id,
          `mini-ecommerce ${env}: gate after rollback`,
          gateScript(),
          120,
        )
      : undefined;
    throw new UserError(
      recheck?.succeeded
        ? `Release ${releaseId} failed its readiness gate on ${id}; rolled back to ${previous}, which is ready again.`
        : `Release ${releaseId} failed its readiness gate on ${id} and the rollback to ${previous} did not become ready either: the API is down, check the instance.`,
      tail(gate.output),
    );
  }
  reporter.line();
  reporter.success(`API release ${releaseId} is live on ${instances.length} instance(s).`);
}

function tail(output: string, lines = 30): string[] {
  return output ? output.split('\n').slice(-lines) : ['(no output)'];
}
