import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody, type ErrorCode } from '@mini-ecommerce/domain';
import { isUnavailableError } from '@mini-ecommerce/data';

const RETRY_AFTER_SECONDS = 1;

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const MIB = 1024 * 1024;
/** A body limit as people read it: `5 MiB`, `512 KiB`, `100 bytes`. */
const sizeOf = (bytes: number) =>
  bytes % MIB === 0
    ? `${bytes / MIB} MiB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/**
 * The one place errors become responses: domain errors keep their code, malformed requests are
 * 400s with details, an unreachable DynamoDB is a 503 with Retry-After, and anything unexpected
 * is a 500 whose internals stay in the log.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof DomainError) {
        if (
          error.code === 'RATE_LIMITED' &&
          (error.details as { retryAfterSeconds?: number })?.retryAfterSeconds
        ) {
          reply.header(
            'retry-after',
            String((error.details as { retryAfterSeconds: number }).retryAfterSeconds),
          );
        }
        return reply.status(error.status).send(error.toBody());
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const details = error.validation.map((issue) => ({
          location: error.validationContext,
          path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
          message: issue.message,
        }));
        return reply
          .status(400)
          .send(
            body(
              'VALIDATION_ERROR',
              `The request ${error.validationContext ?? 'input'} is not valid`,
              details,
            ),
          );
      }
      if (isUnavailableError(error)) {
        request.log.warn({ err: error }, 'DynamoDB unavailable');
        return reply
          .status(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send(body('UNAVAILABLE', 'The shop is temporarily unavailable; try again in a moment'));
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return reply.status(500).send(body('INTERNAL_ERROR', 'Something went wrong on our side'));
      }
      const status = error.statusCode ?? 500;
      const code = CODE_BY_STATUS[status];
      if (status < 500 && code) {
        const message =
          status === 413
            ? // The limit of the route that refused (5 MiB on uploads, the server's 1 MiB elsewhere).
              `The request body is larger than ${sizeOf(request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? MIB)}`
            : status === 415
              ? 'Send the body as application/json'
              : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError'
                ? 'The request body is not valid JSON'
                : error.message;
        return reply.status(status === 415 ? 400 : status).send(body(code, message));
      }
      request.log.error({ err: error }, 'unexpected error');
      return reply.status(500).send(body('INTERNAL_ERROR', 'Something went wrong on our side'));
    });
  },
  { name: 'error-handler' },
);
