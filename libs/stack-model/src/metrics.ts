/**
 * Application metrics the API emits in CloudWatch Embedded Metric Format; the monitoring
 * stack's alarms and dashboard read exactly these.
 */
export const METRICS_NAMESPACE = 'MiniEcommerce';
export const METRICS_DIMENSION = 'Environment';
export const APP_METRICS = {
  ordersPlaced: { name: 'OrdersPlaced', unit: 'Count' },
  checkoutLatency: { name: 'CheckoutLatency', unit: 'Milliseconds' },
  http5xx: { name: 'Http5xx', unit: 'Count' },
  /** Shopper requests; health checks are left out so they cannot hide an idle or broken shop. */
  requests: { name: 'Requests', unit: 'Count' },
  /** 1 per process per minute while the API runs: its absence is the "API down" alarm. */
  heartbeat: { name: 'Heartbeat', unit: 'Count' },
} as const;

/** Namespace of the CloudWatch agent's memory and disk metrics on the instances. */
export const AGENT_METRICS_NAMESPACE = 'CWAgent';
