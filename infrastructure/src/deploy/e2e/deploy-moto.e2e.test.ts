/**
 * The deploy commands end to end against moto's server, an AWS emulator nobody here wrote: the
 * real CLI (`main`, in-process) with AWS_ENDPOINT_URL pointing at moto, fake credentials and a
 * fixed region, in the order an operator runs them. moto's gaps are bridged in this directory
 * only (moto-templates.ts, moto-clients.ts, moto-workspace.ts), each bridge naming what it covers.
 *
 * In-process rather than a subprocess: the bridges are middlewares on the CLI's own SDK clients
 * and the templates come from a temporary workspace, both handed to `main` through its
 * dependency parameter; argument parsing, the credentials check, every command and the error
 * handling are the CLI's own. It also saves two Node start-ups per command on 2 cores.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudFrontClient, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeKeyCommand, KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import {
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetParameterCommand,
  GetParametersByPathCommand,
  SSMClient,
  ListCommandsCommand,
} from '@aws-sdk/client-ssm';
import { STACK_OUTPUTS, parameterPath } from '@mini-ecommerce/stack-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BODY_BYTES } from '../template-source';
import { jwtSecretName } from '../api/jwt-secret';
import { STACK_IDS, stackName, type StackId } from '../stacks';
import { bridgedClients, type BridgeLog } from './moto-clients';
import { motoClient, runCli, setUpMoto, type CliRun, type MotoSetup } from './moto-harness';
import { SITE, type MotoWorkspace } from './moto-workspace';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const REGION = 'eu-west-1';
const ENV = 'dev' as const;
const READ_BY_COMMANDS = [
  'artifactsBucketName',
  'websiteBucketName',
  'imagesBucketName',
  'distributionId',
  'websiteUrl',
  'apiUrl',
  'instanceId',
] as const;

/** Started by tools/src/moto/vitest-global-setup.ts (one per run, stopped with it). */
let moto: { endpoint: string; version: string; output: () => string };
let workspace: MotoWorkspace;
const log: BridgeLog = { bridged: [] };
const questions: string[] = [];

function client<T>(Client: new (config: object) => T): T {
  return motoClient(Client, REGION, moto.endpoint);
}

type Run = CliRun;

async function cli(...argv: string[]): Promise<Run> {
  return runCli(argv, {
    workspaceRoot: workspace.root,
    createClients: bridgedClients(log, moto.endpoint),
    confirm: async (question) => {
      questions.push(question);
      return true;
    },
  });
}

function expectSuccess(run: Run): void {
  if (run.code !== 0) {
    throw new Error(
      `exit code ${run.code}\n--- stdout\n${run.out}\n--- stderr\n${run.err}\n--- moto (tail)\n${moto.output().slice(-3000)}`,
    );
  }
}

let setup: MotoSetup | undefined;

beforeAll(async () => {
  // Fails here, naming what to install, when moto is missing: never skipped.
  setup = await setUpMoto(repositoryRoot, REGION);
  moto = { ...setup, output: () => '(see the moto server output above)' };
  workspace = setup.workspace;
}, 60_000);

afterAll(async () => {
  await setup?.tearDown();
});

describe.sequential('deploy commands against moto', () => {
  it('moto is the version the bridges were written for', () => {
    expect(moto.version).toBe('5.2.1');
    // The monitoring template's YAML is still over the inline limit after the bridges: it is sent as JSON.
    expect(workspace.sizes.monitoring).toBeGreaterThan(MAX_TEMPLATE_BODY_BYTES);
  });

  it('deploy --env dev --yes creates the four stacks, sends the large template inline as JSON and saves the outputs', async () => {
    const run = await cli('deploy', '--env', ENV, '--yes');
    expectSuccess(run);
    const cloudFormation = client(CloudFormationClient);
    for (const id of STACK_IDS) {
      const { Stacks = [] } = await cloudFormation.send(
        new DescribeStacksCommand({ StackName: stackName(ENV, id) }),
      );
      expect(Stacks[0]?.StackStatus, id).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
    }
    cloudFormation.destroy();
    const saved = JSON.parse(
      await readFile(path.join(workspace.root, 'infrastructure', 'outputs', 'dev.json'), 'utf8'),
    ) as { stacks: Record<string, Record<string, string>> };
    expect(Object.keys(saved.stacks).sort()).toEqual(['database', 'ec2', 'main', 'monitoring']);
    // What web-deploy, api-deploy and the template upload read.
    for (const name of READ_BY_COMMANDS) {
      const { stack, output } = STACK_OUTPUTS[name];
      expect(saved.stacks[stack]?.[output], `${name}: ${stack}.${output}`).toBeTruthy();
    }
    // The monitoring template's YAML is over the inline limit; as compact JSON it fits, so no
    // template went through the artifacts bucket.
    const s3 = client(S3Client);
    const { Contents = [] } = await s3.send(
      new ListObjectsV2Command({
        Bucket: saved.stacks['main']?.[STACK_OUTPUTS.artifactsBucketName.output],
        Prefix: 'templates/dev/',
      }),
    );
    s3.destroy();
    expect(Contents.map((object) => object.Key)).toEqual([]);
    expect(run.out).toContain('Outputs saved to infrastructure/outputs/dev.json');
  });

  it('diff shows no changes', async () => {
    const run = await cli('diff', '--env', ENV);
    expectSuccess(run);
    for (const id of STACK_IDS) expect(run.out).toContain(`${stackName(ENV, id)}: no changes`);
    expect(run.out.match(/template: identical to the deployed one/g)).toHaveLength(4);
  });

  it('a second deploy succeeds without changing anything', async () => {
    const before = log.bridged.length;
    const run = await cli('deploy', '--env', ENV, '--yes');
    expectSuccess(run);
    for (const id of STACK_IDS) expect(run.out).toContain(`${stackName(ENV, id)}: no changes`);
    expect(log.bridged.slice(before).filter((call) => call.startsWith('ExecuteChangeSet'))).toEqual(
      [],
    );
  });

  it('web-deploy uploads the storefront with its headers and invalidates index.html', async () => {
    const run = await cli('web-deploy', '--env', ENV, '--skip-build');
    expectSuccess(run);
    const saved = await savedOutputs();
    const bucket = saved.main[STACK_OUTPUTS.websiteBucketName.output] as string;
    const s3 = client(S3Client);
    const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(Contents.map((object) => object.Key).sort()).toEqual(
      Object.keys(SITE)
        .filter((key) => !key.endsWith('.br'))
        .sort(),
    );
    const head = async (Key: string) => {
      const object = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
      return { cacheControl: object.CacheControl, contentType: object.ContentType };
    };
    expect(await head('index.html')).toEqual({
      cacheControl: 'no-cache',
      contentType: 'text/html; charset=utf-8',
    });
    expect(await head('assets/index-BXk3l9aZ.js')).toEqual({
      cacheControl: 'public, max-age=31536000, immutable',
      // RFC 9239 made text/javascript the type of JavaScript.
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(await head('assets/index-Cc8sJ2kk.css')).toEqual({
      cacheControl: 'public, max-age=31536000, immutable',
      contentType: 'text/css; charset=utf-8',
    });
    expect(await head('robots.txt')).toEqual({
      cacheControl: 'public, max-age=300, must-revalidate',
      contentType: 'text/plain; charset=utf-8',
    });
    s3.destroy();
    const cloudFront = client(CloudFrontClient);
    const distributionId = saved.main[STACK_OUTPUTS.distributionId.output] as string;
    const { InvalidationList } = await cloudFront.send(
      new ListInvalidationsCommand({ DistributionId: distributionId }),
    );
    cloudFront.destroy();
    expect(InvalidationList?.Items?.length).toBe(1);
    expect(run.out).toContain('Storefront deployed');
  });

  it('api-deploy uploads the release, creates the JWT secret and rolls out through SSM', async () => {
    const run = await cli('api-deploy', '--env', ENV);
    const saved = await savedOutputs();
    const s3 = client(S3Client);
    const { Contents = [] } = await s3.send(
      new ListObjectsV2Command({
        Bucket: saved.main[STACK_OUTPUTS.artifactsBucketName.output],
        Prefix: 'api/dev/',
      }),
    );
    s3.destroy();
    expect(Contents.map((object) => object.Key)).toContainEqual(
      expect.stringMatching(/^api\/dev\/[0-9T]+-[0-9a-f]{12}\/server\.mjs$/),
    );
    const ssm = client(SSMClient);
    const { Parameter } = await ssm.send(
      new GetParameterCommand({ Name: jwtSecretName(ENV), WithDecryption: true }),
    );
    expect(Parameter?.Type).toBe('SecureString');
    expect(Parameter?.Value?.length).toBeGreaterThanOrEqual(32);
    const { Commands = [] } = await ssm.send(new ListCommandsCommand({}));
    ssm.destroy();
    const instanceId = saved.ec2[STACK_OUTPUTS.instanceId.output];
    const install = Commands.find((command) => /: install /.test(command.Comment ?? ''));
    expect(install?.InstanceIds).toEqual([instanceId]);
    expect(install?.DocumentName).toBe('AWS-RunShellScript');
    // moto's SSM runs no script: the install "succeeds" without printing anything, and api-deploy
    // rightly refuses a release whose activation it does not see. That is as far as moto goes;
    // the scripts themselves are tested by the user-data dry run.
    expect(run.code, run.out + run.err).toBe(1);
    expect(run.err).toMatch(/did not become active/);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('destroy asks once, naming what it deletes, empties the versioned buckets and removes the stacks and their data', async () => {
    const saved = await savedOutputs();
    const keys = await keyIds();
    expect(keys.length).toBeGreaterThan(0);
    questions.length = 0;
    const run = await cli('destroy', '--env', ENV);
    expectSuccess(run);
    // One confirmation, naming the data that goes.
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(
      /deleting 4 tables, \d+ log groups, 4 buckets, \d+ KMS keys \(scheduled for deletion in 7 days\), \d+ SSM parameters \(listed above\)\?$/,
    );
    expect(run.out).toContain(saved.database?.[STACK_OUTPUTS.productsTableName.output]);
    expect(run.out).toContain(`${jwtSecretName(ENV)} (from api:deploy)`);
    const cloudFormation = client(CloudFormationClient);
    for (const id of STACK_IDS) {
      await expect(
        cloudFormation.send(new DescribeStacksCommand({ StackName: stackName(ENV, id) })),
      ).rejects.toThrow(/does not exist/);
    }
    cloudFormation.destroy();
    const s3 = client(S3Client);
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    s3.destroy();
    const left = Buckets.map((bucket) => bucket.Name);
    for (const output of ['websiteBucketName', 'artifactsBucketName', 'imagesBucketName'] as const)
      expect(left).not.toContain(saved.main[STACK_OUTPUTS[output].output]);
    expect(await leftovers()).toEqual({ tables: [], logGroups: [], parameters: [], aliases: [] });
    // KMS deletes a key no sooner than 7 days after it was asked to: scheduled, not gone.
    expect(await keyStates(keys)).toEqual(keys.map(() => 'PendingDeletion'));
    for (const key of keys) expect(run.out).toContain(`KMS key ${key} scheduled for deletion on`);
  });

  it('deploy after destroy succeeds: no table, log group, bucket, alias or parameter is left in the way', async () => {
    const run = await cli('deploy', '--env', ENV, '--yes');
    expectSuccess(run);
    const cloudFormation = client(CloudFormationClient);
    for (const id of STACK_IDS) {
      const { Stacks = [] } = await cloudFormation.send(
        new DescribeStacksCommand({ StackName: stackName(ENV, id) }),
      );
      expect(Stacks[0]?.StackStatus, id).toMatch(/^(CREATE|UPDATE)_COMPLETE$/);
    }
    cloudFormation.destroy();
    expect((await leftovers()).tables).toHaveLength(4);
  });

  it('a second destroy leaves nothing behind', async () => {
    const keys = await keyIds();
    const run = await cli('destroy', '--env', ENV, '--yes');
    expectSuccess(run);
    expect(await leftovers()).toEqual({ tables: [], logGroups: [], parameters: [], aliases: [] });
    expect(await keyStates(keys)).toEqual(keys.map(() => 'PendingDeletion'));
  });
});

/** The environment's KMS keys, read from the stacks before they are deleted. */
async function keyIds(): Promise<string[]> {
  const cloudFormation = client(CloudFormationClient);
  const ids: string[] = [];
  for (const id of STACK_IDS) {
    const { StackResourceSummaries = [] } = await cloudFormation.send(
      new ListStackResourcesCommand({ StackName: stackName(ENV, id) }),
    );
    for (const resource of StackResourceSummaries)
      if (resource.ResourceType === 'AWS::KMS::Key') ids.push(String(resource.PhysicalResourceId));
  }
  cloudFormation.destroy();
  return ids;
}

async function keyStates(keys: readonly string[]): Promise<string[]> {
  const kms = client(KMSClient);
  const states = await Promise.all(
    keys.map(async (KeyId) => {
      const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId }));
      return String(KeyMetadata?.KeyState);
    }),
  );
  kms.destroy();
  return states;
}

/** What of the environment's data is still in moto, by the names the templates give it. */
async function leftovers() {
  const prefix = `mini-ecommerce-${ENV}-`;
  const dynamoDb = client(DynamoDBClient);
  const { TableNames = [] } = await dynamoDb.send(new ListTablesCommand({}));
  dynamoDb.destroy();
  const logs = client(CloudWatchLogsClient);
  const { logGroups = [] } = await logs.send(
    new DescribeLogGroupsCommand({ logGroupNamePrefix: `${parameterPath(ENV)}/` }),
  );
  logs.destroy();
  const ssm = client(SSMClient);
  const { Parameters = [] } = await ssm.send(
    new GetParametersByPathCommand({ Path: parameterPath(ENV), Recursive: true }),
  );
  ssm.destroy();
  const kms = client(KMSClient);
  const { Aliases = [] } = await kms.send(new ListAliasesCommand({}));
  kms.destroy();
  return {
    tables: TableNames.filter((name) => name.startsWith(prefix)),
    logGroups: logGroups.map((group) => group.logGroupName),
    parameters: Parameters.map((parameter) => parameter.Name),
    aliases: Aliases.map((alias) => alias.AliasName).filter((name) =>
      name?.startsWith(`alias/${prefix}`),
    ),
  };
}

async function savedOutputs(): Promise<Record<StackId, Record<string, string>>> {
  const file = path.join(workspace.root, 'infrastructure', 'outputs', 'dev.json');
  return (
    JSON.parse(await readFile(file, 'utf8')) as { stacks: Record<StackId, Record<string, string>> }
  ).stacks;
}
