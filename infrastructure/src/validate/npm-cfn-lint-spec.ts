import { createRequire } from 'node:module';
import type { Property, PropertyType, Resource } from '@aws-cdk/service-spec-types';
import { isIntrinsic } from '../model/intrinsics';
import { type SpecDatabase, findResource, typeDefinition } from '../spec/spec-db';

const require = createRequire(import.meta.url);

/** The resource specification format the npm cfn-lint bundles (the 2019 CloudFormation spec). */
interface OldProperty {
  Documentation?: string;
  PrimitiveType?: string;
  Type?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
  Required?: boolean;
  UpdateType?: string;
}
interface OldSpec {
  ResourceTypes: Record<
    string,
    {
      Properties: Record<string, OldProperty>;
      Attributes?: Record<string, OldProperty>;
      Documentation?: string;
    }
  >;
  PropertyTypes: Record<
    string,
    { Properties: Record<string, OldProperty>; Documentation?: string }
  >;
}

/** The specification object the npm cfn-lint validates against (module state, shared by its validator). */
export function npmCfnLintSpec(): OldSpec {
  return (require('cfn-lint/lib/awsData') as { awsResources: OldSpec }).awsResources;
}

/** A resource type, or a property at a path inside one, that the bundled specification lacks. */
export interface SpecGap {
  readonly resourceType: string;
  /** Empty for a whole resource type; otherwise `Prop` or `Prop.Nested` (list items are transparent). */
  readonly path: string;
}

export const gapKey = (gap: SpecGap): string =>
  gap.path ? `${gap.resourceType} ${gap.path}` : gap.resourceType;

/** Walks a template along the bundled specification and lists what it does not know. */
export function findSpecGaps(
  old: OldSpec,
  template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> },
): SpecGap[] {
  const gaps = new Map<string, SpecGap>();
  const add = (gap: SpecGap) => gaps.set(gapKey(gap), gap);
  for (const resource of Object.values(template.Resources)) {
    const spec = old.ResourceTypes[resource.Type];
    if (!spec) {
      add({ resourceType: resource.Type, path: '' });
      continue;
    }
    walk(old, resource.Type, spec.Properties, resource.Properties ?? {}, [], add);
  }
  return [...gaps.values()].sort((a, b) => gapKey(a).localeCompare(gapKey(b)));
}

function walk(
  old: OldSpec,
  resourceType: string,
  properties: Record<string, OldProperty>,
  value: unknown,
  path: string[],
  add: (g: SpecGap) => void,
): void {
  if (isIntrinsic(value) || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) walk(old, resourceType, properties, item, path, add);
    return;
  }
  for (const [name, child] of Object.entries(value)) {
    const property = properties[name];
    if (!property) {
      add({ resourceType, path: [...path, name].join('.') });
      continue;
    }
    const typeName = property.ItemType ?? property.Type;
    if (!typeName || typeName === 'List' || typeName === 'Map') continue;
    const nested = old.PropertyTypes[typeName === 'Tag' ? 'Tag' : `${resourceType}.${typeName}`];
    if (nested) walk(old, resourceType, nested.Properties, child, [...path, name], add);
  }
}

/**
 * Teaches the bundled specification one gap, copied from the current specification in
 * `@aws-cdk/aws-service-spec`: the property (or resource) is then validated like any other,
 * rather than reported as unknown or dropped from the template.
 */
export function patchSpecGap(old: OldSpec, db: SpecDatabase, gap: SpecGap): void {
  const resource = findResource(db, gap.resourceType);
  if (!resource) throw new Error(`${gap.resourceType} is not in the current specification either`);
  if (!gap.path) {
    old.ResourceTypes[gap.resourceType] = {
      Documentation: resource.documentation ?? '',
      Properties: convertProperties(old, db, resource, resource.properties),
      Attributes: Object.fromEntries(
        Object.keys(resource.attributes).map((a) => [a, { PrimitiveType: 'String' }]),
      ),
    };
    return;
  }
  const segments = gap.path.split('.');
  let newProperties: Readonly<Record<string, Property>> = resource.properties;
  let oldProperties = old.ResourceTypes[gap.resourceType]?.Properties;
  for (const segment of segments.slice(0, -1)) {
    const property = newProperties[segment];
    const reference = property && refOf(property.type);
    if (!reference || !oldProperties) throw new Error(`${gapKey(gap)}: cannot follow ${segment}`);
    const definition = typeDefinition(db, reference);
    newProperties = definition.properties;
    oldProperties = old.PropertyTypes[`${gap.resourceType}.${definition.name}`]?.Properties;
  }
  const last = segments[segments.length - 1] ?? '';
  const property = newProperties[last];
  if (!property || !oldProperties)
    throw new Error(`${gapKey(gap)} is not in the current specification`);
  oldProperties[last] = convertProperty(old, db, resource, property);
}

function refOf(type: PropertyType): string | undefined {
  if (type.type === 'ref') return type.reference.$ref;
  if (type.type === 'array' || type.type === 'map') return refOf(type.element);
  if (type.type === 'union') return type.types.map(refOf).find(Boolean);
  return undefined;
}

function convertProperties(
  old: OldSpec,
  db: SpecDatabase,
  resource: Resource,
  properties: Readonly<Record<string, Property>>,
): Record<string, OldProperty> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, p]) => [name, convertProperty(old, db, resource, p)]),
  );
}

function convertProperty(
  old: OldSpec,
  db: SpecDatabase,
  resource: Resource,
  property: Property,
): OldProperty {
  return {
    ...convertType(old, db, resource, property.type),
    Required: Boolean(property.required),
    UpdateType: 'Mutable',
  };
}

const PRIMITIVES: Record<string, string> = {
  string: 'String',
  'date-time': 'String',
  number: 'Double',
  integer: 'Integer',
  boolean: 'Boolean',
  json: 'Json',
  null: 'Json',
};

function convertType(
  old: OldSpec,
  db: SpecDatabase,
  resource: Resource,
  type: PropertyType,
): OldProperty {
  if (type.type === 'union') {
    // Prefer the structured alternative: it validates more than Json does.
    const structured = type.types.find((t) => t.type !== 'json') ?? type.types[0];
    return structured ? convertType(old, db, resource, structured) : { PrimitiveType: 'Json' };
  }
  if (type.type === 'tag') return { Type: 'Tag' };
  if (type.type === 'ref')
    return { Type: ensurePropertyType(old, db, resource, type.reference.$ref) };
  if (type.type === 'array' || type.type === 'map') {
    const element = convertType(old, db, resource, type.element);
    const aggregate = type.type === 'array' ? 'List' : 'Map';
    return element.PrimitiveType
      ? { Type: aggregate, PrimitiveItemType: element.PrimitiveType }
      : { Type: aggregate, ItemType: element.Type ?? 'Json' };
  }
  return { PrimitiveType: PRIMITIVES[type.type] ?? 'Json' };
}

function ensurePropertyType(
  old: OldSpec,
  db: SpecDatabase,
  resource: Resource,
  id: string,
): string {
  const definition = typeDefinition(db, id);
  const key = `${resource.cloudFormationType}.${definition.name}`;
  if (!old.PropertyTypes[key]) {
    old.PropertyTypes[key] = { Documentation: '', Properties: {} };
    old.PropertyTypes[key].Properties = convertProperties(old, db, resource, definition.properties);
  }
  return definition.name;
}
