import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { apiReleasePrefix, appParameterName } from '@mini-ecommerce/stack-model';
import { createHash } from 'node:crypto';
import { CHECKSUMS_FILE, RELEASE_ID_PATTERN, releasePointer } from '../instance/app-scripts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bundleApi, type ApiBundle } from './api/bundle';
import { ensureJwtSecret, jwtSecretName } from './api/jwt-secret';
import {
  MARKERS,
  checksums,
  gateScript,
  installScript,
  rollbackScript,
} from './api/remote-scripts';
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
  const bucket = await outputs.get('artifactsBucketName');
  const secretKeyArn = await outputs.get('jwtSecretKeyArn');
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
  const prefix = `${apiReleasePrefix(env)}${releaseId}`;
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
  // The checksums travel with the release; their own digest goes into the apiRelease parameter
  // after the gate, so a booting instance trusts no object in the bucket the deploy did not vouch for.
  const checksumsBody = `${checksums(bundle.files)}\n`;
  const checksumsSha256 = createHash('sha256').update(checksumsBody).digest('hex');
  await clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: `${prefix}/${CHECKSUMS_FILE}`,
      Body: checksumsBody,
      ContentType: 'text/plain',
    }),
  );
  reporter.endProgress();
  reporter.line(`  uploaded s3://${bucket}/${prefix}/`);

  const secret = await ensureJwtSecret(clients.ssm, env, secretKeyArn);
  reporter.line(`  JWT secret ${jwtSecretName(env)}: ${SECRET_OUTCOMES[secret]}`);

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
      installScript({ env, region: ctx.region, releaseId, files }),
    );
    const previous = markerValue(install.output, MARKERS.previous);
    const active = markerValue(install.output, MARKERS.active);
    if (install.succeeded && active !== releaseId) {
      throw new UserError(
        `Installing release ${releaseId} on ${id} reported success, but the instance says the active release is ${active ?? 'unknown'}: the release did not become active.`,
        tail(install.output),
      );
    }
    if (!install.succeeded) {
      throw new UserError(
        `Installing release ${releaseId} on ${id} failed (${install.status}); the running release was not switched.`,
        tail(install.output),
      );
    }
    reporter.line(`  installed and reloaded (previous release: ${previous ?? 'none'})`);

    const gate = await readinessGate(ctx, id, 'gate /health/ready');
    if (gate.ready) {
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
    if (!RELEASE_ID_PATTERN.test(previous)) {
      throw new UserError(
        `Release ${releaseId} is not ready on ${id}, and the previous release the instance reported (${JSON.stringify(previous)}) is not a release id: not rolling back to it. Check the instance.`,
        tail(gate.output),
      );
    }
    reporter.line(`  rolling back to ${previous}`);
    const rollback = await runOnInstance(
      ctx,
      id,
      `mini-ecommerce ${env}: roll back to ${previous}`,
      rollbackScript({ env, region: ctx.region }, previous),
    );
    const recheck = rollback.succeeded
      ? await readinessGate(ctx, id, 'gate after rollback')
      : undefined;
    const recovered =
      recheck?.ready === true && markerValue(rollback.output, MARKERS.active) === previous;
    throw new UserError(
      recovered
        ? `Release ${releaseId} failed its readiness gate on ${id}; rolled back to ${previous}, which is ready again.`
        : `Release ${releaseId} failed its readiness gate on ${id} and the rollback to ${previous} did not become ready either: the API is down, check the instance.`,
      tail(gate.output),
    );
  }
  // Only now, with every instance ready on it, does the release become the one new instances boot.
  await clients.ssm.send(
    new PutParameterCommand({
      Name: appParameterName(env, 'apiRelease'),
      Value: releasePointer(releaseId, checksumsSha256),
      Type: 'String',
      Overwrite: true,
      Description:
        'API release that passed its readiness gate and the SHA-256 of its SHA256SUMS (written by nx run api:deploy)',
    }),
  );
  reporter.line(
    `  ${appParameterName(env, 'apiRelease')} = ${releaseId} (what new instances boot)`,
  );
  reporter.line();
  reporter.success(`API release ${releaseId} is live on ${instances.length} instance(s).`);
}

const SECRET_OUTCOMES = {
  created: 'created (random, SecureString under the JwtSecretKey)',
  exists: 'exists, left unchanged',
  're-encrypted': 're-encrypted under the JwtSecretKey, value unchanged (it was under aws/ssm)',
} as const;

/**
 * Runs the deploy gate on the instance (`what` names the run in its command comment): ready when
 * the gate succeeded and printed the READY marker.
 */
export async function readinessGate(
  ctx: DeployContext,
  instanceId: string,
  what: string,
): Promise<{ ready: boolean; output: string }> {
  const gate = await runOnInstance(
    ctx,
    instanceId,
    `mini-ecommerce ${ctx.env}: ${what}`,
    gateScript(),
    120,
  );
  return {
    ready: gate.succeeded && outputLines(gate.output).includes(MARKERS.ready),
    output: gate.output,
  };
}

function outputLines(output: string): string[] {
  return output.split('\n').map((line) => line.trim());
}

/** The value of the last `NAME=value` line a script printed, if any. */
export function markerValue(output: string, marker: string): string | undefined {
  const line = outputLines(output)
    .filter((candidate) => candidate.startsWith(marker))
    .at(-1);
  return line === undefined ? undefined : line.slice(marker.length) || undefined;
}

/** The last lines a script printed, for an error's details. */
export function tail(output: string, lines = 30): string[] {
  return output ? output.split('\n').slice(-lines) : ['(no output)'];
}
