import {
  CloudFormationClient,
  DescribeStacksCommand,
  type StackStatus,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryOutput, Reporter } from './reporter';
import { resolveServiceRoleArn } from './service-role';
import { stackNotFound } from './testing/test-context';

const cf = mockClient(CloudFormationClient);
const clients = { cloudFormation: new CloudFormationClient({ region: 'eu-west-1' }) };
const ROLE =
  'arn:aws:iam::123456789012:role/mini-ecommerce-bootstrap/mini-ecommerce-dev-cloudformation';

function bootstrapped(
  outputs: { OutputKey: string; OutputValue: string }[],
  status: StackStatus = 'CREATE_COMPLETE',
) {
  cf.on(DescribeStacksCommand).resolves({
    Stacks: [{ StackName: 'x', StackStatus: status, CreationTime: new Date(), Outputs: outputs }],
  });
}

function use(command: 'deploy' | 'diff' | 'destroy' | 'bootstrap' | 'api-deploy') {
  const output = new MemoryOutput();
  return { output, use: { command, reporter: new Reporter(output) } };
}

beforeEach(() => cf.reset());

describe('resolveServiceRoleArn', () => {
  it("reads the role from the bootstrap stack's output", async () => {
    bootstrapped([{ OutputKey: 'CloudFormationServiceRoleArn', OutputValue: ROLE }]);
    const { output, use: deploy } = use('deploy');
    expect(await resolveServiceRoleArn(clients, 'dev', deploy)).toBe(ROLE);
    expect(cf.commandCalls(DescribeStacksCommand)[0]?.args[0].input).toEqual({
      StackName: 'mini-ecommerce-dev-bootstrap',
    });
    expect(output.text).toBe('');
  });

  it('warns once and goes on with the caller’s rights outside prod when the environment is not bootstrapped', async () => {
    cf.on(DescribeStacksCommand).rejects(stackNotFound('mini-ecommerce-staging-bootstrap'));
    const { output, use: destroy } = use('destroy');
    expect(await resolveServiceRoleArn(clients, 'staging', destroy)).toBeUndefined();
    expect(output.text.trim().split('\n')).toEqual([
      expect.stringContaining(
        'mini-ecommerce-staging-bootstrap does not exist: CloudFormation runs with your own rights. Run `nx run infra:bootstrap --env staging`',
      ),
    ]);
  });

  it('refuses deploy and destroy in prod without the role, and lets diff (which executes nothing) warn', async () => {
    cf.on(DescribeStacksCommand).rejects(stackNotFound('mini-ecommerce-prod-bootstrap'));
    for (const command of ['deploy', 'destroy'] as const)
      await expect(resolveServiceRoleArn(clients, 'prod', use(command).use)).rejects.toThrow(
        /^mini-ecommerce-prod-bootstrap does not exist: prod stacks are deployed and destroyed only with its CloudFormation service role\. Run `nx run infra:bootstrap --env prod` first\.$/,
      );
    const { output, use: diff } = use('diff');
    expect(await resolveServiceRoleArn(clients, 'prod', diff)).toBeUndefined();
    expect(output.text).toContain('nx run infra:bootstrap --env prod');
  });

  it('treats a bootstrap stack without the output (a failed first create) as not bootstrapped', async () => {
    bootstrapped([], 'ROLLBACK_COMPLETE');
    await expect(resolveServiceRoleArn(clients, 'prod', use('deploy').use)).rejects.toThrow(
      'mini-ecommerce-prod-bootstrap is in ROLLBACK_COMPLETE without the role',
    );
  });

  it('asks nothing for commands that do not pass the role, bootstrap itself included', async () => {
    for (const command of ['bootstrap', 'api-deploy'] as const)
      expect(await resolveServiceRoleArn(clients, 'prod', use(command).use)).toBeUndefined();
    expect(cf.calls()).toHaveLength(0);
  });
});
