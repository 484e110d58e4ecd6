import { z } from 'zod';
import type { StockShortage } from './rules/pricing';

export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/**
 * The contract's code for an HTTP status raised outside the domain (by Fastify or a plugin):
 * `ERROR_STATUS` read backwards, the first code listed for a status winning (409 is CONFLICT,
 * INSUFFICIENT_STOCK being only ever raised as a DomainError).
 */
export function errorCodeForStatus(status: number): ErrorCode | undefined {
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).find((code) => ERROR_STATUS[code] === status);
}

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An expected failure with a contract error code; the API's error handler renders it. */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.details);
  }
}

/** The contract's error shape: `{ error: { code, message, details? } }`. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** What an unexpected failure tells the caller; its internals stay in the log. */
export const internalError = () =>
  new DomainError('INTERNAL_ERROR', 'Something went wrong on our side');
/** DynamoDB (or another dependency) cannot be reached; the caller may retry shortly. */
export const unavailable = (
  message = 'The shop is temporarily unavailable; try again in a moment',
) => new DomainError('UNAVAILABLE', message);

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found`);
export const validationError = (message: string, details?: unknown) =>
  new DomainError('VALIDATION_ERROR', message, details);

export function insufficientStock(shortages: StockShortage[]): DomainError {
  const names = shortages.map((s) => s.name).join(', ');
  return new DomainError('INSUFFICIENT_STOCK', `Not enough stock for: ${names}`, {
    products: shortages,
  });
}
