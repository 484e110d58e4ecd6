import { HEALTH_LIVE_PATH } from '@mini-ecommerce/stack-model';

const DATA_PATH = new RegExp(`^(/api|${HEALTH_LIVE_PATH}|/images)([/?]|$)`);

/**
 * Whether a URL (query included) is one of the server's data paths: the API, its health checks
 * and uploaded images, as against the storefront's pages and /docs. Data answers carry the API's
 * security headers, and an unknown data path is a JSON 404, never the storefront.
 */
export const isDataPath = (url: string): boolean => DATA_PATH.test(url);
