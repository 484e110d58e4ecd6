import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  CreateInvalidationCommand,
  waitForInvalidationCompleted,
} from '@aws-sdk/client-cloudfront';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { API_ORIGIN_PARAMETER } from './output-names';
import { StackOutputs } from './outputs';
import { describeStack } from './stack-state';
import { stackName } from './stacks';
import { removeStale, uploadSite } from './web/site-upload';

/** The storefront reads the API's origin from this build-time variable (apps/web/src/config/env.ts); empty: same origin. */
export const API_URL_VARIABLE = 'VITE_API_URL';

export interface WebDeployDependencies {
  readonly build: (workspaceRoot: string, environment: Record<string, string>) => Promise<void>;
}

/** Runs the storefront's own Nx build so caching and configuration stay the web project's. */
export function nxWebBuild(
  workspaceRoot: string,
  environment: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['nx', 'run', 'web:build', '--skip-nx-cache'], {
      cwd: workspaceRoot,
      stdio: 'inherit',
      env: { ...process.env, ...environment },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new UserError(`The storefront build (nx run web:build) failed with exit code ${code}.`),
          ),
    );
  });
}

/**
 * The address the browser should call. When CloudFront forwards /api/* (the main stack has the
 * API origin), the storefront calls its own origin: the only way an https page can reach an
 * API the instance serves over http. Otherwise the API's own URL, with a warning.
 */
async function apiAddress(ctx: DeployContext, apiUrl: string): Promise<string> {
  const main = await describeStack(ctx.clients.cloudFormation, stackName(ctx.env, 'main'));
  const origin = main?.Parameters?.find(
    (parameter) => parameter.ParameterKey === API_ORIGIN_PARAMETER,
  )?.ParameterValue;
  if (origin) return '';
  ctx.reporter.warn(
    `the main stack does not forward /api/* to the API yet, so the storefront calls ${apiUrl} directly; browsers block http calls from an https page: run \`nx run infra:deploy --env ${ctx.env}\` to connect them.`,
  );
  return apiUrl;
}

/**
 * `web:deploy`: build against the deployed API, upload with the right headers, remove what the
 * new build no longer has, and invalidate the only cached file that is not fingerprinted.
 */
export async function webDeployCommand(
  ctx: DeployContext,
  deps: WebDeployDependencies = { build: nxWebBuild },
): Promise<void> {
  const { reporter, env, clients } = ctx;
  const outputs = new StackOutputs(ctx);
  const bucket = await outputs.get('websiteBucketName');
  const distributionId = await outputs.get('distributionId');
  const apiUrl = await apiAddress(ctx, await outputs.get('apiUrl'));
  const websiteUrl = await outputs.optional('websiteUrl');
  reporter.heading(
    `Deploying the storefront to ${env} (s3://${bucket}, CloudFront ${distributionId})`,
  );

  if (ctx.options.skipBuild) reporter.line('  --skip-build: uploading the existing apps/web/dist');
  else {
    reporter.line(
      `  building with ${API_URL_VARIABLE}=${apiUrl || '(empty: same origin, CloudFront forwards /api/*)'}`,
    );
    // The skipped nx cache matters: a cached build would carry another environment's API address.
    await deps.build(ctx.workspaceRoot, { [API_URL_VARIABLE]: apiUrl });
  }

  const root = path.join(ctx.workspaceRoot, 'apps', 'web', 'dist');
  const keys = await uploadSite(ctx, bucket, root);
  reporter.line(`  uploaded ${keys.length} files`);
  const stale = await removeStale(ctx, bucket, keys);
  reporter.line(`  removed ${stale.length} stale file(s)`);

  const { Invalidation } = await clients.cloudFront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `web-deploy-${ctx.timing.now()}`,
        Paths: { Quantity: 2, Items: ['/index.html', '/'] },
      },
    }),
  );
  if (Invalidation?.Id) {
    reporter.progress(`CloudFront invalidation ${Invalidation.Id} of /index.html`);
    const result = await waitForInvalidationCompleted(
      { client: clients.cloudFront, ...ctx.timing.waiter },
      { DistributionId: distributionId, Id: Invalidation.Id },
    );
    reporter.endProgress();
    if (result.state !== 'SUCCESS')
      reporter.warn(
        `invalidation ${Invalidation.Id} is still running (${result.state}); it completes on its own`,
      );
  }
  reporter.line();
  reporter.success(`Storefront deployed${websiteUrl ? `: ${websiteUrl}` : ''}`);
}
