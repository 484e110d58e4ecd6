/**
 * How long-running operations poll. Production values follow the AWS waiters' defaults; tests
 * inject tiny delays so a full deploy runs in milliseconds.
 */
export interface Timing {
  /** Passed to the SDK waiters (seconds, fractions allowed). */
  readonly waiter: {
    readonly minDelay: number;
    readonly maxDelay: number;
    readonly maxWaitTime: number;
  };
  /** Interval between two reads of stack events or command status while waiting. */
  readonly pollIntervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export const PRODUCTION_TIMING: Timing = {
  // Stacks with a NAT gateway or CloudFront distribution take 5-20 minutes; an hour is generous.
  waiter: { minDelay: 5, maxDelay: 15, maxWaitTime: 3600 },
  pollIntervalMs: 3000,
  sleep,
  now: () => Date.now(),
};
