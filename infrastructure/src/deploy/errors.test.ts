import { CloudFormationClient, ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { annotateErrors } from './aws-clients';
import { main } from './cli';
import { apiOrigin } from './deploy-command';
import { describeAwsError, describeEnvironmentError, isAwsServiceError } from './errors';
import { MemoryOutput, Reporter } from './reporter';
import { testContext } from './testing/test-context';

const serviceError = (name: string, message: string, fault: 'client' | 'server' = 'client') =>
  new CloudFormationServiceException({
    name,
    message,
    $fault: fault,
    $metadata: { httpStatusCode: fault === 'server' ? 500 : 400 },
  });

describe('AWS errors reaching the top of a command', () => {
  it('are told apart from programming errors', () => {
    expect(isAwsServiceError(serviceError('ValidationError', 'x'))).toBe(true);
    expect(isAwsServiceError(new TypeError('undefined is not a function'))).toBe(false);
  });

  it('become one sentence naming the call, AWS words and what to do', () => {
    const error = Object.assign(
      serviceError('InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]'),
      { $service: 'CloudFormationClient', $operation: 'ExecuteChangeSetCommand' },
    );
    expect(describeAwsError(error)).toBe(
      'AWS refused CloudFormation ExecuteChangeSet (InsufficientCapabilitiesException: Requires capabilities : [CAPABILITY_IAM]): fix what AWS names above and retry.',
    );
    expect(describeAwsError(serviceError('AccessDenied', 'not authorized'))).toMatch(
      /lacks this permission; grant it/,
    );
    expect(describeAwsError(serviceError('Throttling', 'Rate exceeded'))).toMatch(/wait a minute/);
    expect(describeAwsError(serviceError('InternalFailure', 'boom', 'server'))).toMatch(
      /an error on AWS's side; retry/,
    );
  });

  it('are marked with the client and command by the clients the CLI builds', async () => {
    const client = annotateErrors(
      new CloudFormationClient({
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      }),
    );
    client.middlewareStack.add(
      () => async () => {
        throw serviceError('ValidationError', 'Stack is in UPDATE_IN_PROGRESS state');
      },
      { step: 'build', name: 'fail' },
    );
    const error = await client
      .send(new ExecuteChangeSetCommand({ ChangeSetName: 'c', StackName: 's' }))
      .catch((e: unknown) => e);
    expect(describeAwsError(error as never)).toMatch(
      /^AWS refused CloudFormation ExecuteChangeSet on s \(ValidationError: Stack is in UPDATE_IN_PROGRESS state\): another operation is running/,
    );
  });

  it('print as one line from main, exit 1, no stack trace', async () => {
    const cf = mockClient(CloudFormationClient);
    cf.onAnyCommand().rejects(serviceError('ValidationError', 'Template format error'));
    const out = new MemoryOutput();
    const err = new MemoryOutput();
    const ctx = testContext();
    const code = await main(['diff', '--env', 'dev'], new Reporter(out), new Reporter(err), {
      createClients: () => ({ ...ctx.clients, destroy: () => undefined }),
      workspaceRoot: '/nonexistent',
    }).catch((error: unknown) => error);
    cf.restore();
    // The credentials check comes first and is not mocked here: either way, one sentence.
    expect(code).toBe(1);
    expect(err.text.trim().split('\n')).toHaveLength(1);
    expect(err.text).not.toMatch(/\n\s+at /);
  });
});

describe('every way an AWS command fails is one sentence naming the call, the resource and what to do', () => {
  const on = (error: Error) =>
    Object.assign(error, {
      $service: 'CloudFormationClient',
      $operation: 'CreateChangeSetCommand',
      $resource: 'mini-ecommerce-dev-main',
    });

  it.each([
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      /^AWS refused CloudFormation CreateChangeSet on mini-ecommerce-dev-main \(ExpiredTokenException: .*\): refresh or fix your AWS credentials and retry\.$/,
    ],
    [
      'AccessDenied',
      'User is not authorized to perform cloudformation:CreateChangeSet',
      /^AWS refused CloudFormation CreateChangeSet on mini-ecommerce-dev-main \(AccessDenied: .*\): the identity deploying lacks this permission; grant it/,
    ],
    [
      'Throttling',
      'Rate exceeded',
      /^AWS refused CloudFormation CreateChangeSet on mini-ecommerce-dev-main \(Throttling: Rate exceeded\): AWS is throttling/,
    ],
    [
      'ValidationError',
      'Parameter SshCidr failed to satisfy constraint',
      /^AWS refused CloudFormation CreateChangeSet on mini-ecommerce-dev-main \(ValidationError: Parameter SshCidr failed to satisfy constraint\): AWS found the request invalid; correct the template, parameter or name it points at and retry\.$/,
    ],
  ])('%s', (name, message, expected) => {
    expect(describeAwsError(on(serviceError(name, message)))).toMatch(expected);
  });

  it('names the resource the request was about (the clients mark it)', async () => {
    const client = annotateErrors(
      new CloudFormationClient({
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      }),
    );
    client.middlewareStack.add(
      () => async () => {
        throw serviceError('ValidationError', 'Template format error');
      },
      { step: 'build', name: 'fail' },
    );
    const error = await client
      .send(
        new ExecuteChangeSetCommand({ ChangeSetName: 'c', StackName: 'mini-ecommerce-dev-ec2' }),
      )
      .catch((e: unknown) => e);
    expect(describeAwsError(error as never)).toMatch(
      /^AWS refused CloudFormation ExecuteChangeSet on mini-ecommerce-dev-ec2 \(ValidationError/,
    );
  });

  it('credentials that expire half-way and file system errors are sentences too, not stack traces', async () => {
    const expired = Object.assign(
      new Error('Token is expired. To refresh this SSO session run aws sso login'),
      {
        name: 'CredentialsProviderError',
      },
    );
    expect(describeEnvironmentError(expired)).toMatch(
      /^The AWS credentials stopped working during the command \(CredentialsProviderError: .*\): refresh them/,
    );
    const denied = Object.assign(new Error("EACCES: permission denied, open '/ro/dev.json'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/ro/dev.json',
    });
    expect(describeEnvironmentError(denied)).toBe(
      'Could not open /ro/dev.json (EACCES): check that the path exists and is writable, and retry.',
    );
    expect(describeEnvironmentError(new TypeError('x is not a function'))).toBeUndefined();

    const out = new MemoryOutput();
    const err = new MemoryOutput();
    const code = await main(['diff', '--env', 'dev'], new Reporter(out), new Reporter(err), {
      createClients: () => {
        throw expired;
      },
      workspaceRoot: '/nonexistent',
    });
    expect(code).toBe(1);
    expect(err.text.trim().split('\n')).toHaveLength(1);
    expect(err.text).toMatch(/stopped working during the command/);
  });
});

describe('the API origin CloudFront forwards /api/* to (defect 8)', () => {
  it('takes host and port from a usable URL', () => {
    expect(apiOrigin('http://ec2-1-2-3-4.eu-west-1.compute.amazonaws.com:3001', 'dev')).toEqual({
      host: 'ec2-1-2-3-4.eu-west-1.compute.amazonaws.com:3001',
      hostname: 'ec2-1-2-3-4.eu-west-1.compute.amazonaws.com',
      port: '3001',
    });
    expect(apiOrigin('http://api-123.eu-west-1.elb.amazonaws.com', 'dev')).toMatchObject({
      port: '80',
    });
  });

  it.each(['http://:3001', 'http://${Instance.PublicDnsName}:3001', 'ftp://host', 'none'])(
    'refuses %s with one sentence instead of crashing',
    (url) => {
      const result = apiOrigin(url, 'dev');
      expect(result).toEqual({ problem: expect.stringContaining(`"${url}" has no usable host`) });
      expect((result as { problem: string }).problem).toMatch(/nx run infra:deploy --env dev/);
    },
  );
});
