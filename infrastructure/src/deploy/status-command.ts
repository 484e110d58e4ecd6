import {
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
  type Stack,
  type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import { HEALTH_READY_PATH, STACK_OUTPUTS } from '@mini-ecommerce/stack-model';
import type { DeployContext } from './context';
import { UserError, describeAwsError, errorMessage, isAwsServiceError } from './errors';
import { formatElapsed } from './stack-progress';
import { describeStack, isBusy, stackOutputs } from './stack-state';
import { stackName } from './stacks';

/** How long the health check waits for CloudFront and the API together. */
const HEALTH_TIMEOUT_MS = 10_000;

/**
 * `infra:status`: each selected stack's status and last update, its outputs, drift on request
 * (--drift), and the API's readiness fetched through the storefront's CloudFront URL. A stack that
 * does not exist is "not deployed", not an error; the command fails only when something it could
 * check is unhealthy (a failed stack state, drift, an API that is not ready), so CI can gate on it.
 */
export async function statusCommand(ctx: DeployContext): Promise<void> {
  const { reporter, env, options } = ctx;
  const problems: string[] = [];
  reporter.heading(`Status of ${env} in ${ctx.region} (account ${ctx.account})`);
  const deployed = new Map<string, Stack>();
  for (const id of options.stacks) {
    const name = stackName(env, id);
    const stack = await describeStack(ctx.clients.cloudFormation, name);
    reporter.heading(name);
    if (!stack || stack.StackStatus === 'REVIEW_IN_PROGRESS') {
      reporter.line('  not deployed');
      continue;
    }
    deployed.set(id, stack);
    const status = stack.StackStatus ?? 'UNKNOWN';
    const healthy = /_COMPLETE$/.test(status) && !/ROLLBACK_COMPLETE$|^DELETE/.test(status);
    const updated = stack.LastUpdatedTime ?? stack.CreationTime;
    reporter.line(
      `  ${reporter.style(healthy ? 'green' : isBusy(status) ? 'cyan' : 'red', status)}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}`,
    );
    if (updated)
      reporter.line(
        `  last update ${updated.toISOString().replace(/\.\d+Z$/, 'Z')} (${formatElapsed(ctx.timing.now() - updated.getTime())} ago)`,
      );
    if (!healthy && !isBusy(status)) problems.push(`${name} is ${status}`);
    const outputs = Object.entries(stackOutputs(stack)).sort(([a], [b]) => a.localeCompare(b));
    if (outputs.length > 0) reporter.line('  outputs:');
    for (const [key, value] of outputs) reporter.line(`    ${key} = ${value}`);
    if (options.drift) {
      const drift = await detectDrift(ctx, name, stack);
      if (drift) problems.push(drift);
    }
  }

  const websiteUrl = stackOutputs(deployed.get(STACK_OUTPUTS.websiteUrl.stack))[
    STACK_OUTPUTS.websiteUrl.output
  ];
  if (options.stacks.includes(STACK_OUTPUTS.websiteUrl.stack)) {
    reporter.heading('API readiness through CloudFront');
    if (!websiteUrl) reporter.line('  not deployed (no storefront URL yet)');
    else {
      const health = await checkHealth(new URL(HEALTH_READY_PATH, websiteUrl).toString());
      reporter.line(
        `  ${health.ok ? reporter.style('green', '✔') : reporter.style('red', '✖')} ${health.line}`,
      );
      if (!health.ok) problems.push(`the API is not ready (${health.line})`);
    }
  }

  reporter.line();
  if (problems.length > 0) {
    throw new UserError(`${env} needs attention: ${problems.join('; ')}.`);
  }
  reporter.success(`${env}: every deployed stack is settled${options.drift ? ' and in sync' : ''}`);
}

/**
 * Starts drift detection, polls it to the end and lists what drifted with its property
 * differences. Returns a problem sentence when the stack drifted or detection failed.
 */
async function detectDrift(
  ctx: DeployContext,
  name: string,
  stack: Stack,
): Promise<string | undefined> {
  const { reporter, timing } = ctx;
  const cloudFormation = ctx.clients.cloudFormation;
  if (isBusy(stack.StackStatus)) {
    reporter.line(`  drift: not checked while ${stack.StackStatus}`);
    return undefined;
  }
  let detectionId: string | undefined;
  try {
    ({ StackDriftDetectionId: detectionId } = await cloudFormation.send(
      new DetectStackDriftCommand({ StackName: name }),
    ));
  } catch (error) {
    const why = isAwsServiceError(error) ? describeAwsError(error) : errorMessage(error);
    reporter.line(`  drift: could not start detection: ${why}`);
    return `drift detection of ${name} could not start`;
  }
  reporter.progress(`${name}: detecting drift`);
  const deadline = timing.now() + timing.waiter.maxWaitTime * 1000;
  let detection;
  try {
    for (;;) {
      detection = await cloudFormation.send(
        new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }),
      );
      if (detection.DetectionStatus !== 'DETECTION_IN_PROGRESS') break;
      if (timing.now() > deadline) {
        reporter.endProgress();
        reporter.line(
          `  drift: detection still running after ${formatElapsed(timing.waiter.maxWaitTime * 1000)}; run status --drift again later`,
        );
        return `drift detection of ${name} did not finish`;
      }
      reporter.progress(`${name}: detecting drift`);
      await timing.sleep(timing.pollIntervalMs);
    }
  } finally {
    reporter.endProgress();
  }
  const status = detection.StackDriftStatus ?? 'UNKNOWN';
  if (detection.DetectionStatus === 'DETECTION_FAILED')
    reporter.line(
      `  drift: detection failed for some resources (${detection.DetectionStatusReason ?? 'no reason given'})`,
    );
  if (status === 'IN_SYNC') {
    reporter.line(`  drift: ${reporter.style('green', 'IN_SYNC')}`);
    return detection.DetectionStatus === 'DETECTION_FAILED'
      ? `drift detection of ${name} failed`
      : undefined;
  }
  if (status !== 'DRIFTED') {
    reporter.line(`  drift: ${status}`);
    return `drift of ${name} is ${status}`;
  }
  const drifts = await resourceDrifts(ctx, name);
  reporter.line(
    `  drift: ${reporter.style('red', 'DRIFTED')} (${detection.DriftedStackResourceCount ?? drifts.length} resource${(detection.DriftedStackResourceCount ?? drifts.length) === 1 ? '' : 's'})`,
  );
  for (const drift of drifts) {
    reporter.line(
      `    ${drift.StackResourceDriftStatus === 'DELETED' ? '-' : '~'} ${drift.LogicalResourceId} (${drift.ResourceType}) ${drift.StackResourceDriftStatus}`,
    );
    for (const difference of drift.PropertyDifferences ?? [])
      reporter.line(
        `        ${difference.PropertyPath}: ${difference.DifferenceType} ${difference.ExpectedValue ?? '(none)'} → ${difference.ActualValue ?? '(none)'}`,
      );
  }
  return `${name} drifted from its template (${drifts.map((drift) => drift.LogicalResourceId).join(', ')}): deploy it again to restore the template, or change the template to keep the change`;
}

async function resourceDrifts(ctx: DeployContext, name: string): Promise<StackResourceDrift[]> {
  const drifts: StackResourceDrift[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.cloudFormation.send(
      new DescribeStackResourceDriftsCommand({
        StackName: name,
        StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
        NextToken: nextToken,
      }),
    );
    drifts.push(...(page.StackResourceDrifts ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return drifts.sort((a, b) =>
    (a.LogicalResourceId ?? '').localeCompare(b.LogicalResourceId ?? ''),
  );
}

/**
 * GET the readiness path through CloudFront. Only the API's own answer counts: CloudFront serves
 * the storefront for paths it does not route to the API, and that HTML is no sign of a ready API.
 */
export async function checkHealth(url: string): Promise<{ ok: boolean; line: string }> {
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      line: `GET ${url}: no answer (${cause ?? errorMessage(error)}); check the distribution and the instance`,
    };
  }
  const took = `${Date.now() - started} ms`;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  let body: { status?: unknown; error?: { message?: unknown } } | undefined;
  try {
    body = type.includes('json') ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status === 200 && body?.status === 'ready')
    return { ok: true, line: `GET ${url}: 200 ready (${took})` };
  if (body?.error?.message)
    return {
      ok: false,
      line: `GET ${url}: ${response.status} ${String(body.error.message)} (${took}); see the API's log group`,
    };
  return {
    ok: false,
    line: `GET ${url}: ${response.status} ${type || 'no content type'} (${took}), not the API's readiness answer; check that CloudFront routes ${HEALTH_READY_PATH} to the API`,
  };
}
