import { Unresolved } from './template-values';

/** A property value as policy and rule documents hold it: objects and lists stay apart from text. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unresolved)
  );
}

/** One item or a list of them (IAM's Action, Resource, ...), as a list. */
export const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A value as the text it is compared by; objects (unresolved intrinsics) as their JSON. */
export const text = (value: unknown): string =>
  value === undefined
    ? ''
    : isObject(value) || Array.isArray(value)
      ? JSON.stringify(value, (_, item: unknown) => (item instanceof Unresolved ? item.text : item))
      : String(value);
