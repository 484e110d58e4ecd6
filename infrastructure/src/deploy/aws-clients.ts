import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

export interface AwsClients {
  readonly cloudFormation: CloudFormationClient;
  readonly s3: S3Client;
  readonly ssm: SSMClient;
  readonly cloudFront: CloudFrontClient;
  readonly sts: STSClient;
  /** Only to look up the CloudFront origin-facing prefix list the API security groups admit. */
  readonly ec2: EC2Client;
  /** Only for destroy outside prod: the tables, log groups and keys the templates retain. */
  readonly dynamoDb: DynamoDBClient;
  readonly logs: CloudWatchLogsClient;
  readonly kms: KMSClient;
}

/**
 * The region is resolved here once rather than left to each client, so that a missing region is
 * one clear message before any call. The SDK itself reads AWS_REGION and the profile but not
 * AWS_DEFAULT_REGION, which many operators still export for the AWS CLI.
 */
export function resolveRegion(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return flag ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? undefined;
}

export type AwsClientsFactory = (region: string | undefined) => AwsClients & { destroy(): void };

/** The SDK's clients share this much of their middleware stack; enough to add one step. */
interface WithMiddleware {
  readonly middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string; clientName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' },
    ): void;
  };
}

/**
 * Marks every error a call throws with the client and command that threw it, so that the CLI's
 * last-resort message can say which call AWS refused ("AWS refused CloudFormation
 * ExecuteChangeSet (...)") instead of a bare error code.
 */
export function annotateErrors<T>(client: T): T {
  (client as unknown as WithMiddleware).middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && !('$operation' in error)) {
          Object.assign(error, {
            $operation: context.commandName,
            $service: context.clientName,
            $resource: resourceOf((args as { input?: Record<string, unknown> }).input),
          });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'annotateAwsErrors', priority: 'high' },
  );
  return client;
}

/** The stack, bucket, table, ... a request was about, so an error can name it. */
function resourceOf(input: Record<string, unknown> | undefined): string | undefined {
  for (const key of ['StackName', 'Bucket', 'TableName', 'Name', 'logGroupName', 'KeyId', 'Id']) {
    const value = input?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

export function createAwsClients(region: string | undefined): AwsClients & { destroy(): void } {
  // With no explicit region the SDK falls back to the shared config file; assertCredentials
  // reports the region actually resolved.
  const config = region ? { region } : {};
  const clients = {
    cloudFormation: annotateErrors(new CloudFormationClient(config)),
    s3: annotateErrors(new S3Client(config)),
    ssm: annotateErrors(new SSMClient(config)),
    // CloudFront is a global service; the SDK routes it to us-east-1 whatever region is given.
    cloudFront: annotateErrors(new CloudFrontClient(config)),
    sts: annotateErrors(new STSClient(config)),
    ec2: annotateErrors(new EC2Client(config)),
    dynamoDb: annotateErrors(new DynamoDBClient(config)),
    logs: annotateErrors(new CloudWatchLogsClient(config)),
    kms: annotateErrors(new KMSClient(config)),
  };
  return {
    ...clients,
    destroy() {
      for (const client of [
        clients.cloudFormation,
        clients.s3,
        clients.ssm,
        clients.cloudFront,
        clients.sts,
        clients.ec2,
        clients.dynamoDb,
        clients.logs,
        clients.kms,
      ]) {
        client.destroy();
      }
    },
  };
}
