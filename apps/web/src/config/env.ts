/**
 * Build-time configuration, checked once at start-up so a bad value fails loudly
 * instead of producing requests to a wrong host. Kept free of zod: this module is
 * part of the initial bundle.
 */
export interface Env {
  /** Origin the API is served from; empty means the same origin as the storefront. */
  API_URL: string;
}

export function parseEnv(raw: Record<string, unknown>): Env {
  const apiUrl = raw['VITE_API_URL'];
  if (apiUrl === undefined || apiUrl === '') return { API_URL: '' };
  if (typeof apiUrl !== 'string' || !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(apiUrl)) {
    throw new Error(`VITE_API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  }
  return { API_URL: apiUrl.replace(/\/+$/, '') };
}

export const env: Env = parseEnv(import.meta.env);
