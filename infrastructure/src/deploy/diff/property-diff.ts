import type { ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { isObject } from './property-values';
import { Unresolved } from './template-values';

/** One property of one resource that a change set changes, from what to what. */
export interface PropertyChange {
  /** `SecurityGroupIngress[1].CidrIp`; empty for the resource as a whole. */
  readonly path: string;
  /** undefined when the property is added. */
  readonly before: unknown;
  /** undefined when the property is removed. */
  readonly after: unknown;
  /** CloudFormation's RequiresRecreation when the change set said: Never, Conditionally, Always. */
  readonly requiresRecreation?: string | undefined;
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value instanceof Unresolved) return `\u0000${value.text}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  // CloudFormation passes every scalar as text: 443 and "443" are the same property value.
  return JSON.stringify(value === undefined ? undefined : String(value)) ?? 'undefined';
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * The leaves that differ between two property trees. Lists are compared by position (as
 * CloudFormation's property paths are); an element added or removed at the end is one change.
 */
export function diffProperties(before: unknown, after: unknown, path = ''): PropertyChange[] {
  if (same(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffProperties(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) =>
      diffProperties(before[index], after[index], join(path, index)),
    ).flat();
  }
  return [{ path, before, after }];
}

/** `/Properties/SecurityGroupIngress/1/CidrIp` → `SecurityGroupIngress[1].CidrIp`. */
export function propertyPath(changeSetPath: string): string {
  return changeSetPath
    .replace(/^\/?Properties\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<string>(
      (path, part) => (/^\d+$/.test(part) ? join(path, Number(part)) : join(path, part)),
      '',
    );
}

/** BeforeValue/AfterValue are text: a JSON document for a list or object, the value itself otherwise. */
function changeSetValue(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  if (/^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text; // truncated: CloudFormation cuts large values
    }
  }
  return text;
}

/**
 * The property changes a change set describes when it was asked for property values
 * (`IncludePropertyValues`); empty when it has none (older API, emulators), and the caller then
 * falls back to the templates.
 */
export function changesFromDetails(
  details: readonly ResourceChangeDetail[] | undefined,
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const seen = new Set<string>();
  for (const detail of details ?? []) {
    const target = detail.Target;
    if (!target || target.Attribute !== 'Properties') continue;
    if (target.BeforeValue === undefined && target.AfterValue === undefined) continue;
    const path = target.Path ? propertyPath(target.Path) : (target.Name ?? '');
    // A property that changes for two causes (a parameter and the template) is listed twice.
    if (seen.has(path)) continue;
    seen.add(path);
    const before =
      target.AttributeChangeType === 'Add' ? undefined : changeSetValue(target.BeforeValue);
    const after =
      target.AttributeChangeType === 'Remove' ? undefined : changeSetValue(target.AfterValue);
    changes.push({ path, before, after, requiresRecreation: target.RequiresRecreation });
  }
  return changes;
}

/** The Properties of a ResourceChange's BeforeContext/AfterContext (a JSON text), if it has them. */
export function contextProperties(
  context: string | undefined,
): Record<string, unknown> | undefined {
  if (!context) return undefined;
  try {
    const parsed = JSON.parse(context) as unknown;
    if (!isObject(parsed)) return undefined;
    const properties = parsed['Properties'];
    return isObject(properties) ? properties : undefined;
  } catch {
    return undefined;
  }
}

/** One value on one line, short enough to read beside its path. */
export function formatValue(value: unknown, width = 120): string {
  if (value === undefined) return '(none)';
  if (value instanceof Unresolved) return value.text;
  const text =
    typeof value === 'string'
      ? value === ''
        ? '""'
        : value
      : JSON.stringify(value, (_, item: unknown) =>
          item instanceof Unresolved ? item.text : item,
        );
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
