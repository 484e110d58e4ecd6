import {
  APP_METRICS,
  HEALTH_LIVE_PATH,
  METRICS_DIMENSION,
  METRICS_NAMESPACE,
} from '@mini-ecommerce/stack-model';

/** `/health`, `/health/…` or either with a query string (tested without splitting the URL). */
function isHealthCheck(url: string): boolean {
  if (!url.startsWith(HEALTH_LIVE_PATH)) return false;
  const next = url.charCodeAt(HEALTH_LIVE_PATH.length);
  return Number.isNaN(next) || next === 0x2f /* / */ || next === 0x3f; /* ? */
}

export interface MetricsSink {
  write(line: string): void;
}

/**
 * Application metrics in CloudWatch Embedded Metric Format. Counts and latencies are aggregated in
 * memory and written as one EMF line per interval, which the CloudWatch agent on EC2 forwards;
 * nothing per user is kept.
 */
export class Metrics {
  private ordersPlaced = 0;
  private requests = 0;
  private http5xx = 0;
  private checkoutLatencies: number[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly environment: string,
    private readonly sink: MetricsSink | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  start(intervalMs = 60_000): void {
    if (!this.sink || this.timer) return;
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
  }

  /** `url` as requested (a query string is ignored). */
  recordRequest(statusCode: number, url = ''): void {
    // The load balancer and the deploy gate poll /health every few seconds.
    if (isHealthCheck(url)) return;
    this.requests += 1;
    if (statusCode >= 500) this.http5xx += 1;
  }

  recordOrderPlaced(latencyMs: number): void {
    this.ordersPlaced += 1;
    // EMF accepts at most 100 values per metric per line; keep a bounded sample.
    if (this.checkoutLatencies.length < 100)
      this.checkoutLatencies.push(Math.round(latencyMs * 100) / 100);
  }

  /**
   * Writes the aggregated line and resets; returns it (for tests). A line is written every
   * interval even without traffic: its heartbeat is how the "API down" alarm knows it runs.
   */
  flush(): Record<string, unknown> | undefined {
    if (!this.sink) return undefined;
    const values: [{ name: string; unit: string }, number | number[]][] = [
      [APP_METRICS.heartbeat, 1],
      [APP_METRICS.requests, this.requests],
      [APP_METRICS.http5xx, this.http5xx],
      [APP_METRICS.ordersPlaced, this.ordersPlaced],
      ...(this.checkoutLatencies.length > 0
        ? [
            [APP_METRICS.checkoutLatency, this.checkoutLatencies] as [
              { name: string; unit: string },
              number[],
            ],
          ]
        : []),
    ];
    const line: Record<string, unknown> = {
      _aws: {
        Timestamp: this.now(),
        CloudWatchMetrics: [
          {
            Namespace: METRICS_NAMESPACE,
            Dimensions: [[METRICS_DIMENSION]],
            Metrics: values.map(([metric]) => ({ Name: metric.name, Unit: metric.unit })),
          },
        ],
      },
      [METRICS_DIMENSION]: this.environment,
      ...Object.fromEntries(values.map(([metric, value]) => [metric.name, value])),
    };
    this.sink.write(`${JSON.stringify(line)}\n`);
    this.requests = 0;
    this.http5xx = 0;
    this.ordersPlaced = 0;
    this.checkoutLatencies = [];
    return line;
  }
}
