import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExpiredTokenException, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertCredentials } from './credentials';
import { UserError } from './errors';

const sts = mockClient(STSClient);
const client = () => new STSClient({ region: 'eu-west-1' });
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

beforeEach(() => sts.reset());

describe('credentials check', () => {
  it('passes with the caller identity', async () => {
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/ops' });
    await expect(assertCredentials(client())).resolves.toEqual({
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/ops',
      region: 'eu-west-1',
    });
  });

  it('says which sources it looked at when there are no credentials', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      }),
    );
    const error = await assertCredentials(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^No AWS credentials found: looked for AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY, AWS_PROFILE/,
    );
  });

  it('says the token expired', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      new ExpiredTokenException({
        message: 'The security token included in the request is expired',
        $metadata: {},
      }),
    );
    await expect(assertCredentials(client())).rejects.toThrow(/^The AWS session token has expired/);
  });

  it('says the region is missing', async () => {
    await expect(assertCredentials(new STSClient({}))).rejects.toThrow(
      /^No AWS region configured: looked for --region, AWS_REGION/,
    );
  });
});

describe('the CLI without credentials (real process, real SDK)', () => {
  it('prints one sentence on stderr, no stack trace, and exits 1', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'no-aws-'));
    const result = spawnSync(
      process.execPath,
      [
        '--conditions=@mini-ecommerce/source',
        '--import',
        'tsx',
        'infrastructure/src/deploy/cli.ts',
        'deploy',
        '--env',
        'dev',
      ],
      // An empty HOME: no ~/.aws; metadata disabled so the check does not wait on a network timeout.
      {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'],
          HOME: home,
          AWS_REGION: 'eu-west-1',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('No AWS credentials found');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  }, 60_000);
});
