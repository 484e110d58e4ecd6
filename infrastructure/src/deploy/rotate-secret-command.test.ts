import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  PutParameterCommand,
  SendCommandCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rotateSecretCommand } from './rotate-secret-command';
import { committedOutputs } from './testing/committed-outputs';
import { testContext } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const ssm = mockClient(SSMClient);
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const RELEASE = '20261129T120000-0123456789ab';

/** Each script an instance is sent, and its answer. */
function instanceThatAnswers(answer: (script: string) => { Status: string; Out: string }) {
  const scripts = new Map<string, string>();
  ssm.on(SendCommandCommand).callsFake((input: { Parameters: { commands: string[] } }) => {
    const id = `cmd-${scripts.size + 1}`;
    scripts.set(id, input.Parameters.commands.join('\n'));
    return { Command: { CommandId: id } };
  });
  ssm.on(GetCommandInvocationCommand).callsFake((input: { CommandId: string }) => {
    const { Status, Out } = answer(scripts.get(input.CommandId) ?? '');
    return { Status, StatusDetails: Status, StandardOutputContent: Out };
  });
  return scripts;
}

beforeEach(() => {
  cf.reset();
  ssm.reset();
  cf.on(DescribeStacksCommand, { StackName: 'mini-ecommerce-dev-ec2' }).resolves({
    Stacks: [
      {
        StackName: 'mini-ecommerce-dev-ec2',
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date(),
        Outputs: committedOutputs('ec2', { JwtSecretKeyArn: KEY }),
      },
    ],
  });
  ssm.on(DescribeInstanceInformationCommand).resolves({
    InstanceInformationList: [
      { InstanceId: 'i-1', PingStatus: 'Online' },
      { InstanceId: 'i-2', PingStatus: 'Online' },
    ],
  });
  ssm.on(PutParameterCommand).resolves({ Version: 3 });
});

describe('api:rotate-secret (issue 16 item 4)', () => {
  it('puts a new random secret under the JwtSecretKey, then reloads each instance behind the gate', async () => {
    const scripts = instanceThatAnswers((script) => ({
      Status: 'Success',
      Out: script.includes('/health/ready') ? 'READY' : `ACTIVE_RELEASE=${RELEASE}`,
    }));
    const ctx = testContext({ command: 'rotate-secret' });

    await rotateSecretCommand(ctx);

    const puts = ssm.commandCalls(PutParameterCommand).map((call) => call.args[0].input);
    expect(puts).toEqual([
      expect.objectContaining({
        Name: '/mini-ecommerce/dev/jwt-secret',
        Type: 'SecureString',
        KeyId: KEY,
        Overwrite: true,
      }),
    ]);
    expect(puts[0]?.Value?.length).toBeGreaterThanOrEqual(64);
    const sent = [...scripts.values()];
    expect(sent).toHaveLength(4);
    expect(sent[0]).toContain('write_environment\nactivate_release "$active"');
    expect(sent[1]).toContain('/health/ready');
    expect(
      ssm.commandCalls(SendCommandCommand).map((call) => call.args[0].input.InstanceIds),
    ).toEqual([['i-1'], ['i-1'], ['i-2'], ['i-2']]);
    // The secret never travels in a command: the instance reads it from SSM itself.
    expect(sent.join('\n')).not.toContain(puts[0]?.Value);
  });

  it('asks first without --yes, and rotates nothing when told no', async () => {
    instanceThatAnswers(() => ({ Status: 'Success', Out: '' }));
    const ctx = testContext({ command: 'rotate-secret', yes: false, answer: false });

    await expect(rotateSecretCommand(ctx)).rejects.toThrow(/Nothing rotated/);
    expect(ctx.questions[0]).toMatch(/signed out/);
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  it('stops at the first instance that does not come back ready, and says what state it left', async () => {
    instanceThatAnswers((script) =>
      script.includes('/health/ready')
        ? { Status: 'Failed', Out: 'not ready' }
        : { Status: 'Success', Out: `ACTIVE_RELEASE=${RELEASE}` },
    );
    const ctx = testContext({ command: 'rotate-secret' });

    await expect(rotateSecretCommand(ctx)).rejects.toThrow(
      /i-1 did not come back ready with it: instances not reloaded yet still sign with the old secret/,
    );
    expect(ssm.commandCalls(SendCommandCommand)).toHaveLength(2);
  });
});
