import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export type CancellationCode = 'ConditionalCheckFailed' | 'TransactionConflict' | 'None' | string;

/** The per-item reasons DynamoDB gave for cancelling a transaction, or undefined for other errors. */
export function cancellationCodes(error: unknown): CancellationCode[] | undefined {
  if (
    !(error instanceof TransactionCanceledException) &&
    (error as { name?: string })?.name !== 'TransactionCanceledException'
  ) {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

export function isConflictOnly(codes: CancellationCode[]): boolean {
  return (
    codes.some((code) => code === 'TransactionConflict') &&
    !codes.includes('ConditionalCheckFailed')
  );
}

/**
 * Runs `attempt` again when DynamoDB cancels it for a conflicting concurrent transaction (which
 * the SDK does not retry by itself), with jittered exponential backoff.
 */
export async function retryOnTransactionConflict<T>(
  attempt: () => Promise<T>,
  maxAttempts = 8,
): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const codes = cancellationCodes(error);
      const retryable =
        (codes && isConflictOnly(codes)) ||
        (error as { name?: string })?.name === 'TransactionInProgressException';
      if (!retryable || tries >= maxAttempts) throw error;
      const delay = Math.min(200, 5 * 2 ** tries) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
