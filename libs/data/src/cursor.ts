import { validationError } from '@mini-ecommerce/domain';

/**
 * Opaque pagination cursors: base64url JSON of DynamoDB's LastEvaluatedKey (plus whatever the
 * access pattern needs). A cursor that does not decode to the expected shape is a 400.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, isValid: (value: unknown) => value is T): T | undefined {
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

const invalidCursor = () => validationError('The cursor is not valid; start again from the first page', { field: 'cursor' });

/** A LastEvaluatedKey made only of string attributes with the given names. */
export function isStringKey(names: readonly string[]) {
  return (value: unknown): value is Record<string, string> =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === names.length &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'string');
}
