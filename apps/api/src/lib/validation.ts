import { validatorCompiler } from 'fastify-type-provider-zod';

/** Distinct valid inputs remembered per route part, and the longest input remembered. */
const ENTRIES_PER_PART = 128;
const MAX_KEY_CHARS = 160;

/**
 * One string for a query string or path parameters made only of strings (a repeated query
 * parameter, an array, is not remembered); each name and value is length-prefixed, so no two
 * inputs share a key.
 */
function keyOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  let key = '';
  for (const name in data) {
    const value = (data as Record<string, unknown>)[name];
    if (typeof value !== 'string') return undefined;
    key += `${name.length}:${name}${value.length}:${value}`;
    if (key.length > MAX_KEY_CHARS) return undefined;
  }
  return key;
}

/**
 * fastify-type-provider-zod's validator, which remembers the last few valid query strings and
 * path parameters of each route. Catalog reads repeat the same few queries (`?category=…&limit=20`),
 * and parsing them with zod again on every request was a visible share of a cached read. The
 * result is the same object each time, frozen so no handler can change it for the next request;
 * invalid input is validated every time (its error names the request). Bounded: at most
 * ENTRIES_PER_PART inputs of at most MAX_KEY_CHARS characters per route part, oldest dropped first.
 */
export const cachingValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart !== 'querystring' && route.httpPart !== 'params') return validate;
  const valid = new Map<string, { value: unknown }>();
  return (data: unknown) => {
    const key = keyOf(data);
    if (key === undefined) return validate(data);
    const hit = valid.get(key);
    if (hit !== undefined) return hit;
    const result = validate(data);
    if (typeof result === 'object' && 'value' in result && result.error === undefined) {
      if (typeof result.value === 'object' && result.value !== null) Object.freeze(result.value);
      if (valid.size >= ENTRIES_PER_PART) valid.delete(valid.keys().next().value as string);
      valid.set(key, { value: result.value });
    }
    return result;
  };
};
