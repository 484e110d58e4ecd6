import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { UserError, errorMessage, errorName } from './errors';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly region: string;
}

const LOOKED_FOR =
  'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE and ~/.aws/credentials and ~/.aws/config, SSO, web identity, and container/instance metadata';

/**
 * Every AWS command starts here: one cheap STS call proves the credentials, the token's validity
 * and the region before anything is created, so an operator gets one sentence instead of a
 * half-done deploy or a stack trace.
 */
export async function assertCredentials(sts: STSClient): Promise<CallerIdentity> {
  let region: string;
  try {
    region = await sts.config.region();
  } catch {
    throw new UserError(
      'No AWS region configured: looked for --region, AWS_REGION, AWS_DEFAULT_REGION and the region of the active profile in ~/.aws/config.',
    );
  }
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? 'unknown', arn: identity.Arn ?? 'unknown', region };
  } catch (error) {
    throw new UserError(describeAwsAccessError(error, region));
  }
}

/** One sentence for the ways an AWS call fails before it reaches a service. */
export function describeAwsAccessError(error: unknown, region: string): string {
  const name = errorName(error);
  const message = errorMessage(error);
  const code = (error as { code?: string } | undefined)?.code;
  // Before the generic provider error: an expired SSO session is also a CredentialsProviderError.
  if (/Expired/i.test(name) || /expired/i.test(message)) {
    return `The AWS session token has expired (${message.replace(/\.$/, '')}); refresh your credentials (for example \`aws sso login\`) and retry.`;
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return `No AWS credentials found: looked for ${LOOKED_FOR}; configure one of them (for example \`aws sso login\` or export AWS_PROFILE) and retry.`;
  }
  if (
    name === 'InvalidClientTokenId' ||
    name === 'SignatureDoesNotMatch' ||
    name === 'UnrecognizedClientException'
  ) {
    return `AWS rejected the credentials found (${name}): check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE.`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /getaddrinfo/.test(message)) {
    return `Cannot reach AWS in region "${region}" (${message}): check --region/AWS_REGION for a typo and your network connection.`;
  }
  if (name === 'RegionDisabledException' || /not enabled|OptInRequired/i.test(message)) {
    return `Region "${region}" is not enabled for this account: enable it in the AWS console or choose another --region.`;
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ECONNREFUSED') {
    return `Timed out reaching AWS STS in region "${region}": check your network or proxy settings.`;
  }
  return `Could not verify AWS credentials in region "${region}": ${name ? `${name}: ` : ''}${message}`;
}
