import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  waitForStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { HEALTH_READY_PATH, STACK_OUTPUTS } from '@mini-ecommerce/stack-model';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { UserError } from './errors';
import { checkHealth, statusCommand } from './status-command';
import { stackName } from './stacks';
import { committedOutputs } from './testing/committed-outputs';
import { testContext } from './testing/test-context';

declare module 'vitest' {
  export interface ProvidedContext {
    moto?: { endpoint: string; version: string } | { error: string };
  }
}

/** A stand-in for CloudFront in front of the API: answers the readiness path as the test says. */
let answer: { status: number; type: string; body: string };
let server: Server;
let origin: string;
beforeAll(async () => {
  answer = { status: 200, type: 'application/json', body: '{"status":"ready"}' };
  server = createServer((request, response) => {
    if (request.url !== HEALTH_READY_PATH) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the readiness check through CloudFront', () => {
  it('counts only the API answering ready', async () => {
    answer = { status: 200, type: 'application/json; charset=utf-8', body: '{"status":"ready"}' };
    expect(await checkHealth(`${origin}${HEALTH_READY_PATH}`)).toEqual({
      ok: true,
      line: expect.stringMatching(
        /^GET http:\/\/127\.0\.0\.1:\d+\/health\/ready: 200 ready \(\d+ ms\)$/,
      ),
    });
  });

  it('reports the API saying it is not ready', async () => {
    answer = {
      status: 503,
      type: 'application/json',
      body: '{"error":{"code":"UNAVAILABLE","message":"DynamoDB is not reachable"}}',
    };
    const health = await checkHealth(`${origin}${HEALTH_READY_PATH}`);
    expect(health.ok).toBe(false);
    expect(health.line).toMatch(
      /: 503 DynamoDB is not reachable \(\d+ ms\); see the API's log group$/,
    );
  });

  it('does not take the storefront for the API', async () => {
    answer = { status: 200, type: 'text/html', body: '<!doctype html><title>shop</title>' };
    const health = await checkHealth(`${origin}${HEALTH_READY_PATH}`);
    expect(health.ok).toBe(false);
    expect(health.line).toMatch(
      /200 text\/html .*not the API's readiness answer; check that CloudFront routes \/health\/ready to the API$/,
    );
  });

  it('reports a distribution that does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}${HEALTH_READY_PATH}`;
    await new Promise((resolve) => closed.close(resolve));
    const health = await checkHealth(url);
    expect(health).toEqual({
      ok: false,
      line: expect.stringMatching(/no answer \(ECONNREFUSED\)/),
    });
  });
});

describe('infra:status against moto', () => {
  const env = 'staging' as const;
  let cloudFormation: CloudFormationClient;

  beforeAll(async () => {
    const moto = inject('moto');
    if (!moto || 'error' in moto)
      throw new Error(moto?.error ?? 'moto was not started by the global setup');
    cloudFormation = new CloudFormationClient({
      region: 'eu-west-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    // The main stack with the output status reads; the database stack is left undeployed.
    const TemplateBody = JSON.stringify({
      Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
      Outputs: {
        [STACK_OUTPUTS.websiteUrl.output]: { Value: origin },
        TopicArn: { Value: { Ref: 'Topic' } },
      },
    });
    await cloudFormation.send(
      new CreateStackCommand({ StackName: stackName(env, 'main'), TemplateBody }),
    );
    await waitForStackCreateComplete(
      { client: cloudFormation, minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 30 },
      { StackName: stackName(env, 'main') },
    );
  });
  afterAll(async () => {
    await cloudFormation?.send(new DeleteStackCommand({ StackName: stackName(env, 'main') }));
    cloudFormation?.destroy();
  });

  function motoContext() {
    const ctx = testContext({ command: 'status', env, stacks: ['main', 'database'] });
    return { ...ctx, clients: { ...ctx.clients, cloudFormation } };
  }

  it('shows status, last update and outputs, a missing stack as not deployed, and the API ready', async () => {
    answer = { status: 200, type: 'application/json', body: '{"status":"ready"}' };
    const ctx = motoContext();

    await statusCommand(ctx);

    const lines = ctx.output.text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'mini-ecommerce-staging-main',
        '  CREATE_COMPLETE',
        expect.stringMatching(/^ {2}last update \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+s ago\)$/),
        '  outputs:',
        expect.stringMatching(/^ {4}TopicArn = arn:aws:sns:eu-west-1:\d{12}:/),
        `    WebsiteUrl = ${origin}`,
        'mini-ecommerce-staging-database',
        '  not deployed',
        expect.stringMatching(/^ {2}✔ GET http:\/\/127\.0\.0\.1:\d+\/health\/ready: 200 ready/),
        '✔ staging: every deployed stack is settled',
      ]),
    );
  });

  it('fails, naming why, when the API is not ready', async () => {
    answer = {
      status: 503,
      type: 'application/json',
      body: '{"error":{"code":"UNAVAILABLE","message":"DynamoDB is not reachable"}}',
    };
    const ctx = motoContext();
    const error = await statusCommand(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^staging needs attention: the API is not ready \(GET .*: 503 DynamoDB is not reachable/,
    );
  });
});

describe('infra:status --drift (moto does not model drift: answers built from the committed template)', () => {
  // Created here, not at collection: it replaces every CloudFormation client's send, moto's too.
  let cf: ReturnType<typeof mockClient>;
  beforeAll(() => {
    cf = mockClient(CloudFormationClient);
  });
  afterAll(() => cf.restore());
  const committed = parse(
    readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../main-stack.yml'),
      'utf8',
    ),
    { logLevel: 'silent' },
  ) as { Resources: Record<string, { Type: string }> };
  const [groupId, group] = Object.entries(committed.Resources).find(
    ([, resource]) => resource.Type === 'AWS::EC2::SecurityGroup',
  ) as [string, { Type: string }];

  it('detects, waits for the result and lists the drifted resources with their property differences', async () => {
    answer = { status: 200, type: 'application/json', body: '{"status":"ready"}' };
    const name = stackName('dev', 'main');
    cf.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: name,
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date('2026-01-01T00:00:00Z'),
          LastUpdatedTime: new Date('2026-01-02T00:00:00Z'),
          Outputs: committedOutputs('main', { WebsiteUrl: origin }),
        },
      ],
    });
    cf.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-1' });
    cf.on(DescribeStackDriftDetectionStatusCommand)
      .resolvesOnce({
        StackId: name,
        StackDriftDetectionId: 'd-1',
        DetectionStatus: 'DETECTION_IN_PROGRESS',
        Timestamp: new Date(),
      })
      .resolves({
        StackId: name,
        StackDriftDetectionId: 'd-1',
        DetectionStatus: 'DETECTION_COMPLETE',
        StackDriftStatus: 'DRIFTED',
        DriftedStackResourceCount: 1,
        Timestamp: new Date(),
      });
    cf.on(DescribeStackResourceDriftsCommand).resolves({
      StackResourceDrifts: [
        {
          StackId: name,
          LogicalResourceId: groupId,
          ResourceType: group.Type,
          StackResourceDriftStatus: 'MODIFIED',
          Timestamp: new Date(),
          PropertyDifferences: [
            {
              PropertyPath: '/SecurityGroupIngress/1',
              ExpectedValue: undefined,
              ActualValue: '{"CidrIp":"0.0.0.0/0","FromPort":22}',
              DifferenceType: 'ADD',
            },
          ],
        },
      ],
    });
    const ctx = testContext({ command: 'status', drift: true, stacks: ['main'] });

    const error = (await statusCommand(ctx).catch((e: unknown) => e)) as UserError;

    expect(cf.commandCalls(DescribeStackDriftDetectionStatusCommand)).toHaveLength(2);
    expect(cf.commandCalls(DescribeStackResourceDriftsCommand)[0]?.args[0].input).toMatchObject({
      StackName: name,
      StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
    });
    const lines = ctx.output.text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}last update 2026-01-02T00:00:00Z \(\d+d \d\dh ago\)$/),
        '  drift: DRIFTED (1 resource)',
        `    ~ ${groupId} (AWS::EC2::SecurityGroup) MODIFIED`,
        '        /SecurityGroupIngress/1: ADD (none) → {"CidrIp":"0.0.0.0/0","FromPort":22}',
      ]),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `dev needs attention: ${name} drifted from its template (${groupId}): deploy it again to restore the template, or change the template to keep the change.`,
    );
  });

  it('says IN_SYNC and succeeds when nothing drifted', async () => {
    cf.reset();
    cf.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'mini-ecommerce-dev-main',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: committedOutputs('main', { WebsiteUrl: origin }),
        },
      ],
    });
    cf.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-2' });
    cf.on(DescribeStackDriftDetectionStatusCommand).resolves({
      StackId: 'mini-ecommerce-dev-main',
      StackDriftDetectionId: 'd-2',
      DetectionStatus: 'DETECTION_COMPLETE',
      StackDriftStatus: 'IN_SYNC',
      Timestamp: new Date(),
    });
    const ctx = testContext({ command: 'status', drift: true, stacks: ['main'] });
    await statusCommand(ctx);
    expect(ctx.output.text).toContain('  drift: IN_SYNC');
    expect(ctx.output.text).toContain('✔ dev: every deployed stack is settled and in sync');
    expect(cf.commandCalls(DescribeStackResourceDriftsCommand)).toHaveLength(0);
  });
});
