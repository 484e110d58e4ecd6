import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetInvalidationCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { committedOutputs } from './testing/committed-outputs';
import { testContext, testWorkspace } from './testing/test-context';
import { cacheControlFor, contentTypeFor } from './web/cache-policy';
import { API_URL_VARIABLE, webDeployCommand } from './web-deploy-command';

const cf = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);
const cloudFront = mockClient(CloudFrontClient);

const outputs = (
  name: string,
  values: Record<string, string>,
  parameters: Record<string, string> = {},
) => ({
  Stacks: [
    {
      StackName: name,
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      StackStatus: 'CREATE_COMPLETE' as const,
      CreationTime: new Date(),
      Outputs: committedOutputs(name.endsWith('-main') ? 'main' : 'ec2', values),
    },
  ],
});

let root: string;
beforeEach(async () => {
  cf.reset();
  s3.reset();
  cloudFront.reset();
  root = await testWorkspace();
  const dist = path.join(root, 'apps', 'web', 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html>');
  await writeFile(path.join(dist, 'assets', 'index-BXk3l9aZ.js'), 'export {}');
  await writeFile(path.join(dist, 'assets', 'index-Cc8sJ2kk.css'), 'body{}');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg/>');
  cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-main' }).resolves(
    outputs(
      'mini-ecommerce-dev-main',
      {
        WebsiteBucketName: 'site',
        DistributionId: 'E123',
        WebsiteUrl: 'https://d1.cloudfront.net',
      },
      { ApiOriginDomain: 'ec2-1-2-3-4.compute.amazonaws.com' },
    ),
  );
  cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-ec2' }).resolves(
    outputs('mini-ecommerce-dev-ec2', { ApiUrl: 'https://api.example.com' }),
  );
  s3.on(PutObjectCommand).resolves({});
  s3.on(ListObjectsV2Command)
    .resolvesOnce({
      Contents: [{ Key: 'index.html' }, { Key: 'assets/index-OLDhash1.js' }],
      IsTruncated: true,
      NextContinuationToken: 't',
    })
    .resolves({
      Contents: [{ Key: 'assets/index-BXk3l9aZ.js' }, { Key: 'assets/old-DDDDDDDD.css' }],
      IsTruncated: false,
    });
  s3.on(DeleteObjectsCommand).resolves({});
  cloudFront.on(CreateInvalidationCommand).resolves({
    Invalidation: {
      Id: 'I1',
      Status: 'InProgress',
      CreateTime: new Date(),
      InvalidationBatch: undefined,
    },
  });
  cloudFront.on(GetInvalidationCommand).resolves({
    Invalidation: {
      Id: 'I1',
      Status: 'Completed',
      CreateTime: new Date(),
      InvalidationBatch: undefined,
    },
  });
});

describe('web:deploy', () => {
  it('builds against the deployed API, uploads with the right headers, removes stale files, invalidates index.html', async () => {
    const builds: Record<string, string>[] = [];
    const ctx = testContext({ command: 'web-deploy', workspaceRoot: root });

    await webDeployCommand(ctx, {
      build: async (_root, environment) => void builds.push(environment),
    });

    // CloudFront forwards /api/*: the storefront calls its own origin.
    expect(builds).toEqual([{ [API_URL_VARIABLE]: '' }]);
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    const byKey = Object.fromEntries(puts.map((put) => [put.Key, put]));
    expect(byKey['index.html']).toMatchObject({
      Bucket: 'site',
      CacheControl: 'no-cache',
      ContentType: 'text/html; charset=utf-8',
    });
    expect(byKey['assets/index-BXk3l9aZ.js']).toMatchObject({
      CacheControl: 'public, max-age=31536000, immutable',
      ContentType: 'text/javascript; charset=utf-8',
    });
    expect(byKey['assets/index-Cc8sJ2kk.css']?.ContentType).toBe('text/css; charset=utf-8');
    expect(byKey['favicon.svg']?.ContentType).toBe('image/svg+xml; charset=utf-8');
    // index.html last, so it never points at assets that are not uploaded yet.
    expect(puts.at(-1)?.Key).toBe('index.html');
    expect(s3.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Delete?.Objects).toEqual([
      { Key: 'assets/index-OLDhash1.js' },
      { Key: 'assets/old-DDDDDDDD.css' },
    ]);
    expect(cloudFront.commandCalls(CreateInvalidationCommand)[0]?.args[0].input).toMatchObject({
      DistributionId: 'E123',
      InvalidationBatch: { Paths: { Quantity: 2, Items: ['/index.html', '/'] } },
    });
    expect(ctx.output.text).toContain('Storefront deployed: https://d1.cloudfront.net');
  });

  it('builds against the API URL, with a warning, while CloudFront does not forward /api/* yet', async () => {
    cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-main' }).resolves(
      outputs(
        'mini-ecommerce-dev-main',
        { WebsiteBucketName: 'site', DistributionId: 'E123' },
        { ApiOriginDomain: '' },
      ),
    );
    const builds: Record<string, string>[] = [];
    const ctx = testContext({ command: 'web-deploy', workspaceRoot: root });

    await webDeployCommand(ctx, {
      build: async (_root, environment) => void builds.push(environment),
    });

    expect(builds).toEqual([{ [API_URL_VARIABLE]: 'https://api.example.com' }]);
    expect(ctx.output.text).toContain('browsers block http calls from an https page');
  });

  it('--skip-build uploads what is there without building', async () => {
    const ctx = testContext({ command: 'web-deploy', workspaceRoot: root, skipBuild: true });
    await webDeployCommand(ctx, { build: async () => expect.fail('must not build') });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(4);
  });
});

describe('cache policy', () => {
  it('caches fingerprinted assets for a year and revalidates the rest', () => {
    expect(cacheControlFor('assets/vendor-a1B2c3D4.js')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('robots.txt')).toBe('public, max-age=300, must-revalidate');
    expect(cacheControlFor('assets/logo.svg')).toBe('public, max-age=300, must-revalidate');
    expect(contentTypeFor('fonts/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('unknown.bin123')).toBe('application/octet-stream');
  });
});
