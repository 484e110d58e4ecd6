import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  PutParameterCommand,
  SendCommandCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiDeployCommand, type ApiDeployDependencies } from './api-deploy-command';
import { UserError } from './errors';
import { committedOutputs } from './testing/committed-outputs';
import { testContext, testWorkspace } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const s3 = mockClient(S3Client);
const ssm = mockClient(SSMClient);

const PREVIOUS = '20250101T000000-aaaaaaaaaaaa';

/**
 * What a healthy instance prints for each script: the install's markers name the release the
 * script activates (and the one it replaced), the gate prints READY.
 */
function healthyOutput(script: string, previous = PREVIOUS): string {
  const activated = /activate_release '\/opt\/mini-ecommerce\/api\/releases\/([^'\s]+)'$/m.exec(
    script,
  )?.[1];
  if (script.includes('/health/ready')) return '{"status":"ready"}\nREADY';
  if (script.includes('PREVIOUS_RELEASE='))
    return `PREVIOUS_RELEASE=${previous}\nACTIVE_RELEASE=${activated}`;
  return activated ? `ACTIVE_RELEASE=${activated}` : '';
}

/** Each SendCommand gets an id; its outcome is decided by what the script does. */
function instanceThatAnswers(
  outcome: (script: string) => { Status: 'Success' | 'Failed'; StandardOutputContent: string },
) {
  const scripts = new Map<string, string>();
  ssm.on(SendCommandCommand).callsFake((input: { Parameters: { commands: string[] } }) => {
    const id = `cmd-${scripts.size + 1}`;
    scripts.set(id, input.Parameters.commands.join('\n'));
    return { Command: { CommandId: id } };
  });
  ssm
    .on(GetCommandInvocationCommand)
    .callsFake((input: { CommandId: string }) => outcome(scripts.get(input.CommandId) ?? ''));
  return scripts;
}

let root: string;
let deps: ApiDeployDependencies;
beforeEach(async () => {
  cf.reset();
  s3.reset();
  ssm.reset();
  root = await testWorkspace();
  deps = {
    bundle: async (_root, outDir) => {
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, 'server.mjs'), 'console.log("api")');
      await mkdir(path.join(outDir, 'static'), { recursive: true });
      await writeFile(path.join(outDir, 'static', 'logo.svg'), '<svg/>');
      return {
        dir: outDir,
        files: [
          { path: 'server.mjs', sha256: 'a'.repeat(64), bytes: 18 },
          { path: 'static/logo.svg', sha256: 'b'.repeat(64), bytes: 6 },
        ],
        sha256: 'f'.repeat(64),
        bytes: 24,
      };
    },
    presign: async (_s3, bucket, key) =>
      `https://${bucket}.s3.amazonaws.com/${key}?X-Amz-Signature=abc`,
  };
  cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-main' }).resolves({
    Stacks: [
      {
        StackName: 'mini-ecommerce-dev-main',
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date(),
        Outputs: committedOutputs('main', {
          ArtifactsBucketName: 'artifacts',
          ImagesBucketName: 'images',
        }),
      },
    ],
  });
  ssm.on(DescribeInstanceInformationCommand).resolves({
    InstanceInformationList: [{ InstanceId: 'i-0123', PingStatus: 'Online' }],
  });
  cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-ec2' }).resolves({
    Stacks: [
      {
        StackName: 'mini-ecommerce-dev-ec2',
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date(),
        Outputs: committedOutputs('ec2', { JwtSecretKeyArn: JWT_KEY_ARN }),
      },
    ],
  });
  ssm.on(DescribeParametersCommand).resolves({
    Parameters: [
      { Name: '/mini-ecommerce/dev/jwt-secret', Type: 'SecureString', KeyId: JWT_KEY_ARN },
    ],
  });
  s3.on(PutObjectCommand).resolves({});
});

const JWT_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('api:deploy', () => {
  it('uploads a versioned artifact and rolls it out, gated on /health/ready', async () => {
    const scripts = instanceThatAnswers((script) => ({
      Status: 'Success',
      StandardOutputContent: healthyOutput(script),
    }));
    ssm.on(PutParameterCommand).resolves({ Version: 2 });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await apiDeployCommand(ctx, deps);

    const keys = s3
      .commandCalls(PutObjectCommand)
      .map((call) => `${call.args[0].input.Bucket}/${call.args[0].input.Key}`);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^artifacts\/api\/dev\/\d{8}T\d{6}-ffffffffffff\/server\.mjs$/);
    expect(keys[1]).toMatch(/\/static\/logo\.svg$/);
    // The checksums travel with the release, for instances that boot it later.
    expect(keys[2]).toMatch(/\/SHA256SUMS$/);
    expect(ssm.commandCalls(DescribeInstanceInformationCommand)[0]?.args[0].input.Filters).toEqual([
      { Key: 'tag:aws:cloudformation:stack-name', Values: ['mini-ecommerce-dev-ec2'] },
    ]);
    const [install, gate] = [...scripts.values()];
    expect(install).toContain('pm2 startOrReload');
    // Every file is downloaded and checked against its hash before the release is switched to.
    expect(install).toContain(`${'a'.repeat(64)}  server.mjs\n${'b'.repeat(64)}  static/logo.svg`);
    expect(install).toContain('sha256sum -c --quiet --strict SHA256SUMS');
    // The environment comes from the stack's SSM parameters, the same way the boot script reads
    // it; the secret is fetched on the instance, never sent in the command.
    expect(install).toContain('IMAGES_BUCKET="$(app_param images-bucket)"');
    expect(install).toContain('JWT_SECRET="$(app_param jwt-secret --with-decryption)"');
    expect(install).not.toMatch(/JWT_SECRET=['"][^$]/);
    expect(gate).toContain('/health/ready');
    expect(scripts.size).toBe(2);
    // Only after the gate passed is the release recorded as the one new instances boot.
    // It names the release and the digest of the SHA256SUMS uploaded with it: a booting instance
    // trusts nothing in the bucket this digest does not vouch for.
    const recorded = ssm.commandCalls(PutParameterCommand).map((call) => call.args[0].input);
    expect(recorded).toEqual([
      expect.objectContaining({ Name: '/mini-ecommerce/dev/api-release', Overwrite: true }),
    ]);
    const uploadedSums = s3
      .commandCalls(PutObjectCommand)
      .map((call) => call.args[0].input)
      .find((input) => input.Key?.endsWith('/SHA256SUMS'));
    const pointer = JSON.parse(String(recorded[0]?.Value)) as Record<string, string>;
    expect(pointer).toEqual({
      releaseId: expect.stringMatching(/^\d{8}T\d{6}-ffffffffffff$/),
      checksumsSha256: createHash('sha256').update(String(uploadedSums?.Body)).digest('hex'),
    });
    expect(uploadedSums?.Key).toContain(`/${pointer['releaseId']}/`);
    expect(ctx.output.text).toContain(
      'JWT secret /mini-ecommerce/dev/jwt-secret: exists, left unchanged',
    );
  });

  it('rolls back to the previous release when the gate fails, and fails', async () => {
    const scripts = instanceThatAnswers(() => ({ Status: 'Success', StandardOutputContent: '' }));
    ssm.on(PutParameterCommand).resolves({ Version: 2 });
    // The first gate fails; everything else, the gate after the rollback included, succeeds.
    let gates = 0;
    ssm.on(GetCommandInvocationCommand).callsFake((input: { CommandId: string }) => {
      const script = scripts.get(input.CommandId) ?? '';
      if (script.includes('/health/ready')) {
        gates += 1;
        return gates === 1
          ? {
              Status: 'Failed',
              StandardOutputContent: 'Error: connect ECONNREFUSED 127.0.0.1:3001',
            }
          : { Status: 'Success', StandardOutputContent: healthyOutput(script) };
      }
      return { Status: 'Success', StandardOutputContent: healthyOutput(script) };
    });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    const error = await apiDeployCommand(ctx, deps).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(
        `failed its readiness gate on i-0123; rolled back to ${PREVIOUS}, which is ready again`,
      ),
    );
    expect((error as UserError).details.join('\n')).toContain('ECONNREFUSED');
    const sent = [...scripts.values()];
    expect(sent).toHaveLength(4); // install, gate, rollback, gate again
    expect(sent[2]).toContain(`activate_release '/opt/mini-ecommerce/api/releases/${PREVIOUS}'`);
    expect(sent[2]).toContain('pm2 startOrReload');
    // A failed release is never what new instances boot.
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('fails when the install reports success but the release did not become active', async () => {
    instanceThatAnswers((script) => ({
      Status: 'Success',
      StandardOutputContent: script.includes('PREVIOUS_RELEASE=')
        ? `PREVIOUS_RELEASE=${PREVIOUS}\nACTIVE_RELEASE=${PREVIOUS}`
        : healthyOutput(script),
    }));
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(
      /reported success, but the instance says the active release is 20250101T000000-aaaaaaaaaaaa/,
    );
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('does not take a gate that exits 0 without READY for a ready API', async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 2 });
    instanceThatAnswers((script) => ({
      Status: 'Success',
      StandardOutputContent: script.includes('/health/ready') ? '' : healthyOutput(script),
    }));
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(/failed its readiness gate/);
    expect(
      ssm
        .commandCalls(PutParameterCommand)
        .filter((call) => call.args[0].input.Name?.endsWith('/api-release')),
    ).toHaveLength(0);
  });

  it('refuses to roll back to a previous release id that is not one api:deploy makes', async () => {
    instanceThatAnswers((script) =>
      script.includes('/health/ready')
        ? { Status: 'Failed', StandardOutputContent: 'not ready' }
        : {
            Status: 'Success',
            StandardOutputContent: healthyOutput(script, 'x||eval${IFS}id;#'),
          },
    );
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(
      /is not a release id: not rolling back/,
    );
    expect(ssm.commandCalls(SendCommandCommand)).toHaveLength(2); // install, gate: no rollback script
  });

  it('stops without switching when the install itself fails', async () => {
    instanceThatAnswers(() => ({
      Status: 'Failed',
      StandardOutputContent: 'sha256sum: WARNING: 1 computed checksum did NOT match',
    }));
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(
      /the running release was not switched/,
    );
    expect(ssm.commandCalls(SendCommandCommand)).toHaveLength(1);
  });

  it('creates the JWT secret once as a SecureString under the JwtSecretKey, with a random value', async () => {
    instanceThatAnswers((script) => ({
      Status: 'Success',
      StandardOutputContent: healthyOutput(script),
    }));
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [] });
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await apiDeployCommand(ctx, deps);

    const put = ssm.commandCalls(PutParameterCommand)[0]?.args[0].input;
    expect(put).toMatchObject({
      Name: '/mini-ecommerce/dev/jwt-secret',
      Type: 'SecureString',
      // Issue 16 item 4: not the AWS-managed aws/ssm key every ssm:GetParameter holder may use.
      KeyId: JWT_KEY_ARN,
      Overwrite: false,
    });
    expect(put?.Value?.length).toBeGreaterThanOrEqual(64);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
  });

  it('re-encrypts a JWT secret an earlier deploy left under aws/ssm, keeping its value', async () => {
    instanceThatAnswers((script) => ({
      Status: 'Success',
      StandardOutputContent: healthyOutput(script),
    }));
    ssm.on(DescribeParametersCommand).resolves({
      Parameters: [{ Name: '/mini-ecommerce/dev/jwt-secret', KeyId: 'alias/aws/ssm' }],
    });
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'the-old-secret' } });
    ssm.on(PutParameterCommand).resolves({ Version: 2 });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });

    await apiDeployCommand(ctx, deps);

    expect(ssm.commandCalls(PutParameterCommand)[0]?.args[0].input).toMatchObject({
      Name: '/mini-ecommerce/dev/jwt-secret',
      Type: 'SecureString',
      KeyId: JWT_KEY_ARN,
      Value: 'the-old-secret',
      Overwrite: true,
    });
    expect(ctx.output.text).toContain('re-encrypted under the JwtSecretKey');
  });

  it('says plainly when no instance is online', async () => {
    ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [] });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });
    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(
      /No instance of stack mini-ecommerce-dev-ec2 is registered with Systems Manager/,
    );
  });

  it('names the missing output when the main stack lacks the artifact bucket', async () => {
    cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-main' }).resolves({
      Stacks: [
        {
          StackName: 'mini-ecommerce-dev-main',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: [],
        },
      ],
    });
    const ctx = testContext({ command: 'api-deploy', workspaceRoot: root });
    await expect(apiDeployCommand(ctx, deps)).rejects.toThrow(
      'Stack mini-ecommerce-dev-main has no output "ArtifactsBucketName"',
    );
  });
});
