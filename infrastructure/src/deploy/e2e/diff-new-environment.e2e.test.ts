/**
 * `infra:diff` of an environment of which nothing exists yet, and the name-collision check before
 * a create, against moto's server: the real CLI in-process (as in deploy-moto.e2e.test.ts), on its
 * own environment (staging) so that it shares nothing with the deploy test's dev stacks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloudFormationClient,
  ListStacksCommand,
  type DescribeStacksCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_IDS, stackName } from '../stacks';
import { bridgedClients, type BridgeLog } from './moto-clients';
import { motoClient, runCli, setUpMoto, type MotoSetup } from './moto-harness';
import { type MotoWorkspace } from './moto-workspace';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const REGION = 'eu-west-1';
const ENV = 'staging' as const;
let endpoint: string;
let workspace: MotoWorkspace;
const log: BridgeLog = { bridged: [] };

function client<T>(Client: new (config: object) => T): T {
  return motoClient(Client, REGION, endpoint);
}

async function cli(...argv: string[]) {
  return runCli(argv, {
    workspaceRoot: workspace.root,
    createClients: withListParameters(bridgedClients(log, endpoint)),
    confirm: async () => {
      throw new Error('infra:diff never asks');
    },
  });
}

/**
 * moto 5.2.1 DescribeStacks reports a CommaDelimitedList parameter given as `a,b` as the Python
 * list `['a', 'b']` (CloudFormation answers `a,b`), which the parameter diff would show as a
 * change of DeployerPrincipalArns on every run. This bridge answers it the way CloudFormation does.
 */
function withListParameters(
  create: ReturnType<typeof bridgedClients>,
): ReturnType<typeof bridgedClients> {
  return (region) => {
    const clients = create(region);
    (
      clients.cloudFormation.middlewareStack as unknown as {
        add(
          middleware: (
            next: (args: unknown) => Promise<{ output: DescribeStacksCommandOutput }>,
            context: { commandName?: string },
          ) => (args: unknown) => Promise<unknown>,
          options: { step: 'initialize'; name: string },
        ): void;
      }
    ).add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'DescribeStacksCommand') return result;
        for (const stack of result.output.Stacks ?? [])
          for (const parameter of stack.Parameters ?? []) {
            const items = /^\[(.*)\]$/.exec(parameter.ParameterValue ?? '')?.[1];
            if (items !== undefined)
              parameter.ParameterValue = [...items.matchAll(/'([^']*)'/g)]
                .map((match) => match[1])
                .join(',');
          }
        return result;
      },
      { step: 'initialize', name: 'motoBridgeListParameters' },
    );
    return clients;
  };
}

/** Stacks of the environment moto knows, in any state but deleted. */
async function liveStacks(): Promise<string[]> {
  const cloudFormation = client(CloudFormationClient);
  const { StackSummaries = [] } = await cloudFormation.send(new ListStacksCommand({}));
  cloudFormation.destroy();
  return StackSummaries.filter(
    (stack) =>
      stack.StackStatus !== 'DELETE_COMPLETE' &&
      stack.StackName?.startsWith(`mini-ecommerce-${ENV}-`),
  ).map((stack) => String(stack.StackName));
}

let moto: MotoSetup | undefined;

beforeAll(async () => {
  moto = await setUpMoto(repositoryRoot, REGION);
  ({ endpoint, workspace } = moto);
}, 60_000);

afterAll(async () => {
  await moto?.tearDown();
});

describe.sequential('infra:diff of a new environment against moto', () => {
  it('plans all four stacks before anything exists: later stacks show values known after main', async () => {
    const run = await cli('diff', '--env', ENV);

    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    // main has no dependency: its change set is CloudFormation's own (moto's), then deleted.
    expect(run.out).toMatch(/mini-ecommerce-staging-main: \d+ changes \(\d+ add\)/);
    for (const id of ['database', 'ec2', 'monitoring'] as const)
      expect(run.out).toContain(`${stackName(ENV, id)}: `);
    expect(run.out).toContain(
      '  not deployed; planned from the local template, since the change set needs main, database deployed first',
    );
    expect(run.out).toContain(
      '  not deployed; planned from the local template, since the change set needs main, database, ec2 deployed first',
    );
    expect(run.out).toMatch(/^ {2}known after main: .*AppLogGroup\.KmsKeyId/m);
    expect(run.out).toMatch(/^ {2}known after ec2: .*parameter InstanceId/m);
    // The explicit names a create would take, resolved for this environment.
    expect(run.out).toMatch(
      /\+ add\s+AppLogGroup\s+AWS::Logs::LogGroup\s+\/mini-ecommerce\/staging\/api/,
    );
    expect(run.out).toMatch(
      /\+ add\s+MonitoringKeyAlias\s+AWS::KMS::Alias\s+alias\/mini-ecommerce-staging-monitoring/,
    );
    // database imports nothing: its change set is computed by CloudFormation (moto) as usual.
    expect(run.out).toMatch(/\+ add\s+ProductsTable\s+AWS::DynamoDB::Table/);
    // deploy --dry-run plans the same way.
    const dryRun = await cli(
      'deploy',
      '--env',
      ENV,
      '--dry-run',
      '--parameters',
      'AlarmEmail=ops@example.com',
    );
    expect(dryRun.code, dryRun.err).toBe(0);
    expect(dryRun.out.match(/not deployed; planned from the local template/g)).toHaveLength(2);
    expect(dryRun.out).toContain(
      'Dry run: nothing was executed and no change set was left behind.',
    );
    // Planning leaves nothing behind.
    expect(await liveStacks()).toEqual([]);
    for (const id of STACK_IDS) expect(run.out).not.toContain(`${stackName(ENV, id)} failed`);
  });

  it('names a table and a log group that already hold the names a create needs, and fails', async () => {
    const dynamoDb = client(DynamoDBClient);
    const logs = client(CloudWatchLogsClient);
    await dynamoDb.send(
      new CreateTableCommand({
        TableName: 'mini-ecommerce-staging-products',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'productId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'productId', KeyType: 'HASH' }],
      }),
    );
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/mini-ecommerce/staging/api' }));
    try {
      const run = await cli('diff', '--env', ENV, '--stack', 'database,ec2');

      expect(run.code).toBe(1);
      expect(run.out).toContain(
        '✖ mini-ecommerce-staging-database cannot be created: 1 resource it names already exists.',
      );
      expect(run.out).toContain(
        '    ProductsTable (AWS::DynamoDB::Table): a table named mini-ecommerce-staging-products already exists (0 items, ACTIVE): back it up if it matters and delete it (aws dynamodb delete-table --table-name mini-ecommerce-staging-products)',
      );
      expect(run.out).toContain(
        '    AppLogGroup (AWS::Logs::LogGroup): a log group named /mini-ecommerce/staging/api already exists: delete it (aws logs delete-log-group --log-group-name /mini-ecommerce/staging/api)',
      );
      expect(run.err).toContain(
        'The plan is incomplete: mini-ecommerce-staging-database, mini-ecommerce-staging-ec2 would fail to create on the names listed above.',
      );
      expect(run.err).not.toMatch(/\n\s+at /);

      // deploy refuses to create over them: the CREATE change set is not run, and is deleted.
      const deploy = await cli('deploy', '--env', ENV, '--stack', 'database', '--yes');
      expect(deploy.code).toBe(1);
      expect(deploy.err).toContain(
        'mini-ecommerce-staging-database cannot be created: 1 resource it names already exists.',
      );
      expect(deploy.err).toContain('ProductsTable (AWS::DynamoDB::Table): a table named');
      expect(await liveStacks()).toEqual([]);
    } finally {
      await dynamoDb.send(new DeleteTableCommand({ TableName: 'mini-ecommerce-staging-products' }));
      await logs.send(new DeleteLogGroupCommand({ logGroupName: '/mini-ecommerce/staging/api' }));
      dynamoDb.destroy();
      logs.destroy();
    }
  });

  it('after main is deployed, a change shows its property diff and the widening it brings', async () => {
    const deploy = await cli('deploy', '--env', ENV, '--stack', 'main', '--yes');
    expect(deploy.code, deploy.out + deploy.err).toBe(0);
    try {
      const run = await cli(
        'diff',
        '--env',
        ENV,
        '--stack',
        'main',
        '--parameters',
        'SshCidr=0.0.0.0/0',
      );
      if (process.env['PRINT_DIFF']) process.stdout.write(run.out);

      expect(run.code, run.err).toBe(0);
      const lines = run.out.split('\n');
      // moto's change sets carry no property values: the review evaluates both templates.
      expect(lines).toContain('  property changes (from the deployed and the local template):');
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^ {4}\+ Ec2SecurityGroup SecurityGroupIngress\[2\]: \{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIp":"0\.0\.0\.0\/0".*⚠ new ingress from anywhere$/,
        ),
      );
      // moto lists neither change a parameter makes; the templates show both.
      expect(lines).toContain(
        '    + PublicAclInSsh  ⚠ new ingress from anywhere: tcp 22 from 0.0.0.0/0',
      );
      expect(lines).toContain('    ~ SshCidr: "" → 0.0.0.0/0');
      expect(lines).toContain(
        '⚠ 2 changes widen security (Ec2SecurityGroup, PublicAclInSsh): check each marked line before approving.',
      );
    } finally {
      const destroy = await cli('destroy', '--env', ENV, '--stack', 'main', '--force', '--yes');
      expect(destroy.code, destroy.out + destroy.err).toBe(0);
    }
    expect(await liveStacks()).toEqual([]);
  });
});
