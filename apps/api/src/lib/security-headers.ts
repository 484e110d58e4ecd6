import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, computed once. With a static policy (no per-request
 * nonces) helmet answers every request with the same headers, so running its middleware chain
 * (a dozen raw `setHeader` calls, which also push Node onto its slower `writeHead` path) on each
 * request was pure overhead on hot reads: the app adds this object to each reply instead.
 */
export function securityHeaders(
  options: Readonly<HelmetOptions>,
): Readonly<Record<string, string>> {
  // A directive given as a function (a nonce) is resolved per request: it cannot be computed once.
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.flat().some((value) => typeof value === 'function'))
    throw new Error(
      'security headers are computed once: a per-request CSP directive needs helmet itself',
    );
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  let failure: unknown;
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      done = true;
      failure = error;
    },
  );
  if (!done || failure)
    throw new Error('helmet did not set the security headers', { cause: failure });
  return Object.freeze(headers);
}
