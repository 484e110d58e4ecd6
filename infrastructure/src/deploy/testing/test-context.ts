import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Environment } from '@mini-ecommerce/stack-model';
import type { CliOptions, Command } from '../args';
import type { DeployContext } from '../context';
import { MemoryOutput, Reporter } from '../reporter';
import { STACK_IDS, TEMPLATE_FILES } from '../stacks';
import type { Timing } from '../timing';

/** Waiters and polls in microseconds: a whole deploy runs in a few milliseconds. */
export const FAST_TIMING: Timing = {
  waiter: { minDelay: 0.001, maxDelay: 0.002, maxWaitTime: 5 },
  pollIntervalMs: 1,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

// Fixed fake credentials so that clients which sign locally (presigned URLs) work offline.
const config = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
};

export const TEST_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Environment:
    Type: String
  AlertEmail:
    Type: String
    Default: ''
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
`;

export interface TestContext extends DeployContext {
  readonly output: MemoryOutput;
  readonly questions: string[];
}

export async function testWorkspace(template = TEST_TEMPLATE): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'deploy-test-'));
  await mkdir(path.join(root, 'infrastructure'), { recursive: true });
  for (const id of STACK_IDS)
    await writeFile(path.join(root, 'infrastructure', TEMPLATE_FILES[id]), template);
  return root;
}

export function testContext(
  overrides: Partial<CliOptions> & {
    command?: Command;
    env?: Environment;
    workspaceRoot?: string;
    answer?: boolean;
  } = {},
): TestContext {
  const output = new MemoryOutput();
  const questions: string[] = [];
  const env = overrides.env ?? 'dev';
  const options: CliOptions = {
    command: overrides.command ?? 'deploy',
    env,
    stacks: overrides.stacks ?? ['main'],
    yes: overrides.yes ?? true,
    requireApproval: overrides.requireApproval ?? 'broadening',
    rollback: overrides.rollback ?? true,
    drift: overrides.drift ?? false,
    dryRun: overrides.dryRun ?? false,
    force: overrides.force ?? false,
    skipBuild: overrides.skipBuild ?? false,
    region: 'eu-west-1',
    parameters: overrides.parameters ?? {},
  };
  return {
    env,
    region: 'eu-west-1',
    account: '123456789012',
    callerArn: 'arn:aws:sts::123456789012:assumed-role/Deployer/session',
    clients: {
      cloudFormation: new CloudFormationClient(config),
      s3: new S3Client(config),
      ssm: new SSMClient(config),
      cloudFront: new CloudFrontClient(config),
      sts: new STSClient(config),
      ec2: new EC2Client(config),
      dynamoDb: new DynamoDBClient(config),
      logs: new CloudWatchLogsClient(config),
      kms: new KMSClient(config),
    },
    reporter: new Reporter(output),
    timing: FAST_TIMING,
    options,
    confirm: async (question) => {
      questions.push(question);
      return overrides.answer ?? true;
    },
    workspaceRoot: overrides.workspaceRoot ?? '/nonexistent',
    output,
    questions,
  };
}

/** How CloudFormation answers for a stack that does not exist. */
export function stackNotFound(name: string): Error {
  return Object.assign(new Error(`Stack with id ${name} does not exist`), {
    name: 'ValidationError',
  });
}
