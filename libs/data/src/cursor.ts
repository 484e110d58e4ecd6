import { validationError } from '@mini-ecommerce/domain';

/**
 * Opaque pagination cursors: base64url JSON of DynamoDB's LastEvaluatedKey (plus whatever the
 * access pattern needs). A cursor that does not decode to the expected shape is a 400.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(
  cursor: string | undefined,
  isValid: (value: unknown) => value is T,
): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!isValid(value)) throw invalidCursor();
  return value;
}

export const invalidCursor = () =>
  validationError('The cursor is not valid; start again from the first page', { field: 'cursor' });

/**
 * A LastEvaluatedKey made only of non-empty string attributes with the given names (DynamoDB
 * refuses empty key values, which would otherwise surface as a 500).
 */
export function isStringKey(names: readonly string[]) {
  return (value: unknown): value is Record<string, string> =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === names.length &&
    names.every((name) => {
      const attribute = (value as Record<string, unknown>)[name];
      return typeof attribute === 'string' && attribute.length > 0;
    });
}

/**
 * Runs a query that starts from a client-supplied cursor key. DynamoDB refuses a start key that
 * does not fit the query (another partition, an over-long value) with a ValidationException:
 * that is the client's bad cursor, a 400, not a server fault.
 */
export async function withStartKey<T>(
  startKey: object | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (startKey && (error as { name?: string })?.name === 'ValidationException')
      throw invalidCursor();
    throw error;
  }
}
