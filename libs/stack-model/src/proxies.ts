/** The VPC's address range: the main stack's network, where the load balancer and CloudFront's VPC origin live. */
export const VPC_CIDR = '10.0.0.0/16';

/**
 * What stands between a shopper and the API on an instance, in every cloud environment:
 * CloudFront, and when auto scaling is on, the internal load balancer behind it. CloudFront
 * appends the viewer's address to `X-Forwarded-For`; the load balancer appends the address of
 * CloudFront's VPC origin, which is inside the VPC. So the API trusts the peer of its socket (the
 * network lets only CloudFront and the VPC reach the API port) and at most one hop more, and
 * that hop only from inside the VPC; the first address it does not trust is the client.
 * `none` (local) trusts no header: the socket's peer is the client.
 */
export const PROXY_CHAIN = {
  maxHops: 2,
  innerCidrs: [VPC_CIDR],
} as const;

/** `TRUST_PROXY` of the API: `cloudfront` in every cloud environment, `none` locally. */
export const TRUST_PROXY_MODES = ['none', 'cloudfront'] as const;
export type TrustProxyMode = (typeof TRUST_PROXY_MODES)[number];
