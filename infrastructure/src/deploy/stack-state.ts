import { DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { errorMessage } from './errors';

export async function describeStack(
  cloudFormation: CloudFormationClient,
  stackName: string,
): Promise<Stack | undefined> {
  try {
    const { Stacks } = await cloudFormation.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    const stack = Stacks?.[0];
    return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
  } catch (error) {
    // CloudFormation reports a missing stack as a ValidationError, not a NotFound.
    if (/does not exist/.test(errorMessage(error))) return undefined;
    throw error;
  }
}

/** States from which a stack can only be deleted: creation failed, or a change set was never run. */
export function needsRecreate(status: string | undefined): boolean {
  return status === 'ROLLBACK_COMPLETE' || status === 'REVIEW_IN_PROGRESS';
}

export function isBusy(status: string | undefined): boolean {
  return Boolean(status?.endsWith('_IN_PROGRESS')) && status !== 'REVIEW_IN_PROGRESS';
}

/** A deploy with --no-rollback failed and kept its resources; updating, rolling back or deleting it works. */
export function isKeptFailure(status: string | undefined): boolean {
  return status === 'CREATE_FAILED' || status === 'UPDATE_FAILED';
}

/**
 * States that need a human in the console before any deploy. UPDATE_ROLLBACK_FAILED is not among
 * them: infra:deploy offers ContinueUpdateRollback for it (stack-recovery.ts).
 */
export function isStuck(status: string | undefined): boolean {
  return status === 'ROLLBACK_FAILED' || status === 'DELETE_FAILED';
}

export function stackOutputs(stack: Stack | undefined): Record<string, string> {
  return Object.fromEntries(
    (stack?.Outputs ?? []).flatMap((output) =>
      output.OutputKey && output.OutputValue !== undefined
        ? [[output.OutputKey, output.OutputValue]]
        : [],
    ),
  );
}
