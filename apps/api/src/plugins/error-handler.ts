import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  DomainError,
  errorBody,
  errorCodeForStatus,
  internalError,
  unavailable,
} from '@mini-ecommerce/domain';
import { isUnavailableError } from '@mini-ecommerce/data';

const RETRY_AFTER_SECONDS = 1;

/** Fastify's 415 (a body that is not JSON) is answered as the contract's 400 VALIDATION_ERROR. */
const UNSUPPORTED_MEDIA_TYPE = 415;

const MIB = 1024 * 1024;
/** A body limit as people read it: `5 MiB`, `512 KiB`, `100 bytes`. */
const sizeOf = (bytes: number) =>
  bytes % MIB === 0
    ? `${bytes / MIB} MiB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;

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
            errorBody(
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
          .send(unavailable().toBody());
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return reply.status(500).send(internalError().toBody());
      }
      const raised = error.statusCode ?? 500;
      const status = raised === UNSUPPORTED_MEDIA_TYPE ? 400 : raised;
      const code = errorCodeForStatus(status);
      if (status < 500 && code) {
        const message =
          status === 413
            ? // The limit of the route that refused (5 MiB on uploads, the server's 1 MiB elsewhere).
              `The request body is larger than ${sizeOf(request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? MIB)}`
            : raised === UNSUPPORTED_MEDIA_TYPE
              ? 'Send the body as application/json'
              : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError'
                ? 'The request body is not valid JSON'
                : error.message;
        return reply.status(status).send(errorBody(code, message));
      }
      request.log.error({ err: error }, 'unexpected error');
      return reply.status(500).send(internalError().toBody());
    });
  },
  { name: 'error-handler' },
);
