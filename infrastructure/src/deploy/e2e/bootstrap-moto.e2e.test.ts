/**
 * `infra:bootstrap` and the CloudFormation service role end to end against moto's server (issue
 * 16 item 7): the real CLI in-process, as in deploy-moto.e2e.test.ts, in a region no other test
 * file deploys to (stacks, tables and log groups are regional; the IAM names it creates are its
 * own), so the files can share one moto server and run side by side.
 * moto does not enforce IAM, so what is asserted is what the commands send: the role the
 * bootstrap stack creates is read back and named as RoleARN on every change set and stack
 * deletion that follows.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type CreateChangeSetCommandInput,
  type DeleteStackCommandInput,
} from '@aws-sdk/client-cloudformation';
import { BOOTSTRAP_TEMPLATE_FILE, STACK_OUTPUTS } from '@mini-ecommerce/stack-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientsFactory } from '../aws-clients';
import { BOOTSTRAP_STACK_ID, stackName } from '../stacks';
import { bridgedClients, type BridgeLog } from './moto-clients';
import { motoClient, runCli, setUpMoto, type CliRun, type MotoSetup } from './moto-harness';
import { type MotoWorkspace } from './moto-workspace';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const REGION = 'us-west-2';
const ENV = 'staging' as const;
let endpoint: string;
let workspace: MotoWorkspace;
const log: BridgeLog = { bridged: [] };

/** The CloudFormation requests the commands sent, as they sent them (before any bridge). */
const sent: { command: string; input: Record<string, unknown> }[] = [];

function recording(factory: AwsClientsFactory): AwsClientsFactory {
  return (region) => {
    const clients = factory(region);
    clients.cloudFormation.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push({
          command: String(context.commandName),
          input: { ...(args.input as Record<string, unknown>) },
        });
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands', priority: 'high' },
    );
    return clients;
  };
}

function client<T>(Client: new (config: object) => T): T {
  return motoClient(Client, REGION, endpoint);
}

async function cli(...argv: string[]): Promise<CliRun> {
  return runCli(argv, {
    workspaceRoot: workspace.root,
    createClients: recording(bridgedClients(log, endpoint)),
    confirm: async () => true,
  });
}

const sentSince = (mark: number, command: string) =>
  sent.slice(mark).filter((request) => request.command === command);

let moto: MotoSetup | undefined;

beforeAll(async () => {
  moto = await setUpMoto(repositoryRoot, REGION);
  ({ endpoint, workspace } = moto);
  // The bootstrap template needs no moto bridge: an IAM role and managed policies.
  await copyFile(
    path.join(repositoryRoot, 'infrastructure', BOOTSTRAP_TEMPLATE_FILE),
    path.join(workspace.root, 'infrastructure', BOOTSTRAP_TEMPLATE_FILE),
  );
}, 60_000);

afterAll(async () => {
  await moto?.tearDown();
});

describe.sequential('infra:bootstrap and the service role against moto', () => {
  it('prod refuses to deploy before it is bootstrapped, and changes nothing', async () => {
    const mark = sent.length;
    const run = await cli('deploy', '--env', 'prod', '--yes', '--stack', 'database');
    expect(run.code, run.out + run.err).toBe(1);
    expect(run.err).toContain('nx run infra:bootstrap --env prod');
    expect(run.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(sentSince(mark, 'CreateChangeSetCommand')).toEqual([]);
  });

  it('before bootstrapping, staging deploys with the caller’s rights after one warning', async () => {
    const mark = sent.length;
    const run = await cli('diff', '--env', ENV, '--stack', 'database');
    expect(run.code, run.out + run.err).toBe(0);
    const warnings = run.out.split('\n').filter((line) => line.includes('infra:bootstrap'));
    expect(warnings).toEqual([
      expect.stringContaining(`Run \`nx run infra:bootstrap --env ${ENV}\``),
    ]);
    const changeSets = sentSince(mark, 'CreateChangeSetCommand');
    expect(changeSets.length).toBeGreaterThan(0);
    for (const { input } of changeSets) expect(input).not.toHaveProperty('RoleARN');
  });

  it('bootstrap creates the stack, the role and its six policies, and prints the role', async () => {
    const mark = sent.length;
    const run = await cli('bootstrap', '--env', ENV, '--yes');
    expect(run.code, run.out + run.err).toBe(0);
    // The bootstrap stack itself is deployed with the caller's rights.
    for (const { input } of sentSince(mark, 'CreateChangeSetCommand'))
      expect(input).not.toHaveProperty('RoleARN');
    const cloudFormation = client(CloudFormationClient);
    const { Stacks = [] } = await cloudFormation.send(
      new DescribeStacksCommand({ StackName: stackName(ENV, BOOTSTRAP_STACK_ID) }),
    );
    cloudFormation.destroy();
    expect(Stacks[0]?.StackStatus).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
    const arn = Stacks[0]?.Outputs?.find(
      (output) => output.OutputKey === STACK_OUTPUTS.cloudFormationServiceRoleArn.output,
    )?.OutputValue;
    expect(arn).toMatch(
      /^arn:aws:iam::\d{12}:role\/mini-ecommerce-bootstrap\/mini-ecommerce-staging-cloudformation$/,
    );
    expect(run.out).toContain(`CloudFormation service role: ${arn}`);
    // (No IAM client in the workspace: moto's record of the stack's resources tells the same.)
    const resources = client(CloudFormationClient);
    const { StackResourceSummaries = [] } = await resources.send(
      new ListStackResourcesCommand({ StackName: stackName(ENV, BOOTSTRAP_STACK_ID) }),
    );
    resources.destroy();
    expect(
      StackResourceSummaries.map((resource) => [
        resource.ResourceType,
        resource.PhysicalResourceId,
        resource.ResourceStatus,
      ]).sort(),
    ).toEqual(
      [
        ['AWS::IAM::Role', 'mini-ecommerce-staging-cloudformation', 'CREATE_COMPLETE'],
        ...['compute', 'data', 'edge', 'identity-and-keys', 'network', 'observability'].map(
          (name) => [
            'AWS::IAM::ManagedPolicy',
            expect.stringContaining(`mini-ecommerce-staging-cloudformation-${name}`),
            'CREATE_COMPLETE',
          ],
        ),
      ].sort(),
    );
  });

  it('deploy and destroy then hand every change set and stack deletion to the role', async () => {
    const cloudFormation = client(CloudFormationClient);
    const { Stacks = [] } = await cloudFormation.send(
      new DescribeStacksCommand({ StackName: stackName(ENV, BOOTSTRAP_STACK_ID) }),
    );
    cloudFormation.destroy();
    const role = Stacks[0]?.Outputs?.find(
      (output) => output.OutputKey === STACK_OUTPUTS.cloudFormationServiceRoleArn.output,
    )?.OutputValue;
    expect(role).toBeTruthy();

    let mark = sent.length;
    const deploy = await cli('deploy', '--env', ENV, '--yes', '--stack', 'database');
    expect(deploy.code, deploy.out + deploy.err).toBe(0);
    expect(deploy.out).not.toContain('infra:bootstrap');
    const changeSets = sentSince(mark, 'CreateChangeSetCommand').map(
      ({ input }) => input as unknown as CreateChangeSetCommandInput,
    );
    expect(changeSets.map((input) => [input.StackName, input.RoleARN])).toEqual([
      [stackName(ENV, 'database'), role],
    ]);

    mark = sent.length;
    const destroy = await cli('destroy', '--env', ENV, '--yes', '--force', '--stack', 'database');
    expect(destroy.code, destroy.out + destroy.err).toBe(0);
    const deletions = sentSince(mark, 'DeleteStackCommand').map(
      ({ input }) => input as unknown as DeleteStackCommandInput,
    );
    expect(deletions.map((input) => [input.StackName, input.RoleARN])).toEqual([
      [stackName(ENV, 'database'), role],
    ]);
  });
});
