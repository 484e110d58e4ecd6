/** The API (and, locally, the storefront) listens here. */
export const API_PORT = 3001;
/** HTTP and HTTPS on the load balancer / instance. */
export const HTTP_PORT = 80;
export const HTTPS_PORT = 443;
export const SSH_PORT = 22;

/** AWS-managed prefix list of CloudFront's origin-facing addresses: the only source the API admits. */
export const CLOUDFRONT_ORIGIN_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';
