import { CloudFormationClient, ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { annotateErrors } from './aws-clients';
import { main } from './cli';
import { apiOrigin } from './deploy-command';
import { describeAwsError, isAwsServiceError } from './errors';
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
      /^AWS refused CloudFormation ExecuteChangeSet \(ValidationError: Stack is in UPDATE_IN_PROGRESS state\): another operation is running/,
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
