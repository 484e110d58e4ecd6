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
  requests: { name: 'Requests', unit: 'Count' },
} as const;

/** Namespace of the CloudWatch agent's memory and disk metrics on the instances. */
export const AGENT_METRICS_NAMESPACE = 'CWAgent';
