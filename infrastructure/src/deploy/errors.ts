/**
 * An error whose message is meant for the operator as is: the CLI prints it without a stack
 * trace and exits non-zero. Everything else reaching the top level is a bug and keeps its trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** Extra lines printed under the message (failed resources, command output). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the SDK attaches to every error a service answered with (a ServiceException). */
interface ServiceErrorShape {
  readonly name: string;
  readonly message: string;
  readonly $fault?: 'client' | 'server';
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
  /** Set by the middleware of aws-clients.ts: which call failed. */
  readonly $operation?: string;
  readonly $service?: string;
  /** Set by the same middleware: the stack, bucket, table... the request named. */
  readonly $resource?: string;
}

/**
 * An error AWS answered (any service, any operation), as opposed to a bug in this tool. The SDK
 * marks each with `$fault` and `$metadata`; a programming error (TypeError, ...) has neither.
 */
export function isAwsServiceError(error: unknown): error is Error & ServiceErrorShape {
  return (
    error instanceof Error &&
    ('$fault' in error || '$metadata' in error) &&
    typeof (error as ServiceErrorShape).$metadata === 'object'
  );
}

/** Errors of the network or the SDK's own retries: AWS was not reached or did not answer in time. */
export function isAwsTransportError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(code) ||
    error.name === 'TimeoutError' ||
    error.name === 'RequestTimeout'
  );
}

const PERMISSION = /AccessDenied|Unauthorized|NotAuthorized|Forbidden/i;
const THROTTLING = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|LimitExceeded/i;
const CREDENTIALS = /ExpiredToken|InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient/i;

/**
 * One sentence for an AWS error reaching the top of a command: what failed, AWS's own words, and
 * what to do. Commands handle the errors they expect (a missing stack, an existing parameter)
 * themselves; this is for the rest, so that no AWS answer ever prints as a stack trace.
 */
export function describeAwsError(error: Error & ServiceErrorShape): string {
  const call = [error.$service?.replace(/Client$/, ''), error.$operation?.replace(/Command$/, '')]
    .filter(Boolean)
    .join(' ');
  const on = error.$resource ? ` on ${error.$resource}` : '';
  const what = call ? `AWS refused ${call}${on}` : `An AWS call failed${on}`;
  const said = `${error.name}: ${error.message.replace(/\s+/g, ' ').replace(/\.$/, '')}`;
  if (CREDENTIALS.test(error.name))
    return `${what} (${said}): refresh or fix your AWS credentials and retry.`;
  if (PERMISSION.test(error.name) || PERMISSION.test(error.message))
    return `${what} (${said}): the identity deploying lacks this permission; grant it (or use a role that has it) and retry.`;
  if (THROTTLING.test(error.name))
    return `${what} (${said}): AWS is throttling or a service quota is reached; wait a minute and retry, or raise the quota.`;
  if (error.$fault === 'server' || (error.$metadata?.httpStatusCode ?? 0) >= 500)
    return `${what} (${said}): an error on AWS's side; retry in a minute.`;
  if (error.name === 'ValidationError' && /does not exist/.test(error.message))
    return `${what} (${said}): check --env and --region, and deploy the stack first if it is missing.`;
  if (/InvalidChangeSetStatus|OperationInProgress|in progress|_IN_PROGRESS/i.test(said))
    return `${what} (${said}): another operation is running on it; wait for it to finish and retry.`;
  if (/Validation|InvalidParameter|InvalidRequest|Malformed/i.test(error.name))
    return `${what} (${said}): AWS found the request invalid; correct the template, parameter or name it points at and retry.`;
  return `${what} (${said}): fix what AWS names above and retry.`;
}

/** One sentence for a request that never got an answer. */
export function describeAwsTransportError(error: Error, endpoint?: string): string {
  const code = (error as { code?: string }).code;
  return `Could not reach AWS${endpoint ? ` at ${endpoint}` : ''} (${code ?? error.name}: ${error.message.replace(/\.$/, '')}): check your network, proxy, --region and AWS_ENDPOINT_URL, and retry.`;
}

const CREDENTIAL_PROVIDERS =
  /CredentialsProviderError|TokenProviderError|ExpiredToken|SSOTokenProviderFailure/i;

/**
 * One sentence for the errors that are neither a service's answer nor a bug: credentials that
 * stop working half-way (an SSO session expiring during a long deploy) and the file system (a
 * saved-outputs or environment file that cannot be written). Undefined for anything else.
 */
export function describeEnvironmentError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const said = error.message.replace(/\s+/g, ' ').replace(/\.$/, '');
  if (CREDENTIAL_PROVIDERS.test(error.name))
    return `The AWS credentials stopped working during the command (${error.name}: ${said}): refresh them (for example \`aws sso login\`) and run the command again; it resumes from what is deployed.`;
  const system = error as Error & { code?: string; syscall?: string; path?: string };
  if (typeof system.code === 'string' && typeof system.syscall === 'string')
    return `Could not ${system.syscall} ${system.path ?? 'a file'} (${system.code}): check that the path exists and is writable, and retry.`;
  return undefined;
}
