import autocannon from 'autocannon';

export interface LoadFigures {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Status code -> count. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  mismatches: number;
}

/** Runs autocannon and keeps the figures the report needs. */
export async function runLoad(options: autocannon.Options): Promise<LoadFigures> {
  const result = await autocannon({ connections: 50, timeout: 10, ...options });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = count ?? 0;
  const requests = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return {
    requests,
    durationSeconds: result.duration,
    requestsPerSecond: requests / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}

/** Adds up runs of the same workload (p99 and max: the worst run). */
export function combine(runs: LoadFigures[]): LoadFigures {
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [code, n] of Object.entries(run.statuses))
      statuses[code] = (statuses[code] ?? 0) + n;
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const durationSeconds = runs.reduce((sum, r) => sum + r.durationSeconds, 0);
  return {
    requests,
    durationSeconds,
    requestsPerSecond: requests / durationSeconds,
    latencyMs: {
      p50: Math.max(...runs.map((r) => r.latencyMs.p50)),
      p99: Math.max(...runs.map((r) => r.latencyMs.p99)),
      max: Math.max(...runs.map((r) => r.latencyMs.max)),
    },
    statuses,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
    mismatches: runs.reduce((sum, r) => sum + r.mismatches, 0),
  };
}

export const only2xx = (figures: LoadFigures) =>
  Object.entries(figures.statuses).every(([code]) => code.startsWith('2')) && figures.errors === 0;
