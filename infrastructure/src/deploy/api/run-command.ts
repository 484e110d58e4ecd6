import {
  DescribeInstanceInformationCommand,
  SendCommandCommand,
  waitForCommandExecuted,
  type GetCommandInvocationCommandOutput,
  type InstanceInformation,
} from '@aws-sdk/client-ssm';
import type { DeployContext } from '../context';
import { UserError } from '../errors';

export interface CommandResult {
  readonly succeeded: boolean;
  readonly status: string;
  readonly output: string;
}

/**
 * Managed instances of the ec2 stack that the SSM agent reports online. CloudFormation tags every
 * instance it creates (or an Auto Scaling group launches) with its stack name, so this needs no
 * tag convention from the template.
 */
export async function findInstances(
  ctx: DeployContext,
  ec2StackName: string,
): Promise<InstanceInformation[]> {
  const found: InstanceInformation[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ctx.clients.ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'tag:aws:cloudformation:stack-name', Values: [ec2StackName] }],
        NextToken: nextToken,
      }),
    );
    found.push(...(page.InstanceInformationList ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  const online = found.filter((instance) => instance.PingStatus === 'Online');
  if (online.length === 0) {
    throw new UserError(
      found.length === 0
        ? `No instance of stack ${ec2StackName} is registered with Systems Manager in ${ctx.region}: check that the ec2 stack is deployed and the instance role has AmazonSSMManagedInstanceCore.`
        : `The instances of ${ec2StackName} (${found.map((i) => `${i.InstanceId}: ${i.PingStatus}`).join(', ')}) are not online in Systems Manager: wait a minute after a (re)start and retry.`,
    );
  }
  return online;
}

/** Runs a shell script on one instance with AWS-RunShellScript and waits for it to finish. */
export async function runOnInstance(
  ctx: DeployContext,
  instanceId: string,
  comment: string,
  script: readonly string[],
  timeoutSeconds = 600,
): Promise<CommandResult> {
  const { Command } = await ctx.clients.ssm.send(
    new SendCommandCommand({
      InstanceIds: [instanceId],
      DocumentName: 'AWS-RunShellScript',
      Comment: comment.slice(0, 100),
      TimeoutSeconds: timeoutSeconds,
      Parameters: { commands: [...script], executionTimeout: [String(timeoutSeconds)] },
    }),
  );
  const commandId = Command?.CommandId;
  if (!commandId)
    throw new UserError(
      `Systems Manager did not accept the command "${comment}" for ${instanceId}.`,
    );
  ctx.reporter.progress(`${instanceId}: ${comment}`);
  const result = await waitForCommandExecuted(
    {
      client: ctx.clients.ssm,
      ...ctx.timing.waiter,
      maxWaitTime: Math.max(ctx.timing.waiter.maxWaitTime, 1),
    },
    { CommandId: commandId, InstanceId: instanceId },
  );
  ctx.reporter.endProgress();
  const invocation = result.reason as Partial<GetCommandInvocationCommandOutput> | undefined;
  const output = [invocation?.StandardOutputContent, invocation?.StandardErrorContent]
    .filter(Boolean)
    .join('\n')
    .trim();
  return {
    succeeded: result.state === 'SUCCESS',
    status: invocation?.Status ?? result.state,
    output,
  };
}
