import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { ErrorBody, type ErrorCode, ERROR_STATUS } from '@mini-ecommerce/domain';

/** Response schemas for the error statuses a route can answer, all in the contract's error shape. */
export function errorResponses(...codes: ErrorCode[]) {
  const statuses = new Set<number>([
    ...codes.map((code) => ERROR_STATUS[code]),
    400,
    413,
    429,
    500,
    503,
  ]);
  return Object.fromEntries([...statuses].map((status) => [status, ErrorBody])) as Record<
    number,
    typeof ErrorBody
  >;
}

export const bearerAuth = [{ bearerAuth: [] }];

/**
 * The options of a route only a signed-in caller may use: `guard` (app.authenticate, or
 * app.requireAdmin) runs first, and the OpenAPI document says the route takes a bearer token.
 */
export function signedIn<S extends FastifySchema>(
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
  schema: S,
) {
  return { onRequest: guard, schema: { ...schema, security: bearerAuth } };
}
