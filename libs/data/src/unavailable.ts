/**
 * Errors that mean DynamoDB could not be reached or is overloaded (as opposed to a bad request):
 * the API answers these with 503 and Retry-After.
 */
const UNAVAILABLE_NAMES = new Set([
  'IncompleteBatchError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

export function isUnavailableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata } = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  if ((name && UNAVAILABLE_NAMES.has(name)) || (code && UNAVAILABLE_NAMES.has(code))) return true;
  if ($metadata?.httpStatusCode !== undefined && $metadata.httpStatusCode >= 500) return true;
  // Network failures surface as errors without an HTTP response at all.
  return (
    $metadata !== undefined &&
    $metadata.httpStatusCode === undefined &&
    name !== 'ValidationException'
  );
}
