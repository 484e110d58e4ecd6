import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

export interface AwsClients {
  readonly cloudFormation: CloudFormationClient;
  readonly s3: S3Client;
  readonly ssm: SSMClient;
  readonly cloudFront: CloudFrontClient;
  readonly sts: STSClient;
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

export function createAwsClients(region: string | undefined): AwsClients & { destroy(): void } {
  // With no explicit region the SDK falls back to the shared config file; assertCredentials
  // reports the region actually resolved.
  const config = region ? { region } : {};
  const clients = {
    cloudFormation: new CloudFormationClient(config),
    s3: new S3Client(config),
    ssm: new SSMClient(config),
    // CloudFront is a global service; the SDK routes it to us-east-1 whatever region is given.
    cloudFront: new CloudFrontClient(config),
    sts: new STSClient(config),
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
      ]) {
        client.destroy();
      }
    },
  };
}
