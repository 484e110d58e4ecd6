import type { Property, PropertyType, Resource } from '@aws-cdk/service-spec-types';
import { type SpecDatabase, findResource, typeDefinition } from './spec-db';

/**
 * Renders TypeScript property interfaces for the given resource types from the resource
 * specification. Pure: the same database and list give the same source text.
 */
export function renderResourceTypes(db: SpecDatabase, resourceTypes: readonly string[]): string {
  const out: string[] = [HEADER];
  const entries: string[] = [];
  const attributes: string[] = [];
  const tagging: string[] = [];
  const rendered = new Set<string>();

  for (const cfnType of [...resourceTypes].sort()) {
    const resource = findResource(db, cfnType);
    if (!resource) throw new Error(`${cfnType} is not in @aws-cdk/aws-service-spec`);
    const prefix = typeNamePrefix(cfnType);
    const pending: { id: string; name: string }[] = [];
    const nameOf = (id: string): string => {
      const name = prefix + typeDefinition(db, id).name.replace(/[^A-Za-z0-9]/g, '');
      if (!pending.some((p) => p.id === id) && !rendered.has(name)) pending.push({ id, name });
      return name;
    };
    out.push(
      renderInterface(
        `${prefix}Props`,
        cfnType,
        resource.documentation,
        resource.properties,
        nameOf,
        tagPropertyOf(resource),
      ),
    );
    rendered.add(`${prefix}Props`);
    while (pending.length > 0) {
      const next = pending.shift();
      if (!next || rendered.has(next.name)) continue;
      rendered.add(next.name);
      const definition = typeDefinition(db, next.id);
      out.push(
        renderInterface(
          next.name,
          `${cfnType}.${definition.name}`,
          definition.documentation,
          definition.properties,
          nameOf,
        ),
      );
    }
    entries.push(`  '${cfnType}': ${prefix}Props;`);
    const attributeNames = Object.keys(resource.attributes).sort();
    attributes.push(
      `  '${cfnType}': ${attributeNames.length ? attributeNames.map((a) => `'${a}'`).join(' | ') : 'never'};`,
    );
    if (resource.tagInformation) {
      tagging.push(
        `  '${cfnType}': { property: '${resource.tagInformation.tagPropertyName}', variant: '${resource.tagInformation.variant}' },`,
      );
    }
  }

  out.push(
    `/** Property interface of each resource type. */\nexport interface ResourceProps {\n${entries.join('\n')}\n}\n`,
  );
  out.push(
    `/** Attributes \`Fn::GetAtt\` may read, per resource type. */\nexport interface ResourceAttributes {\n${attributes.join('\n')}\n}\n`,
  );
  out.push(
    `/** Where each taggable resource type takes its tags, and in which shape. */\nexport const TAGGING: { readonly [T in keyof ResourceProps]?: { readonly property: string; readonly variant: 'standard' | 'asg' | 'map' } } = {\n${tagging.join('\n')}\n};\n`,
  );
  return out.join('\n');
}

const HEADER = `// Generated from @aws-cdk/aws-service-spec by \`nx run infra:generate\`; do not edit.
// The list of resource types is infrastructure/src/spec/resource-types.ts.
/* eslint-disable */
import type { Bool, CfnTag, Json, List, Num, Obj, Str, StrMap } from '../values';
`;

function typeNamePrefix(cfnType: string): string {
  return cfnType.replace(/^AWS::/, '').replace(/::/g, '');
}

function tagPropertyOf(resource: Resource): string | undefined {
  return resource.tagInformation?.tagPropertyName;
}

function renderInterface(
  name: string,
  title: string,
  documentation: string | undefined,
  properties: Readonly<Record<string, Property>>,
  nameOf: (id: string) => string,
  /** The builder adds the standard tags itself, so the tag property becomes optional. */
  tagProperty?: string,
): string {
  const lines = [
    `/** ${title}${documentation ? `: ${firstSentence(documentation)}` : ''} */`,
    `export interface ${name} {`,
  ];
  for (const propertyName of Object.keys(properties).sort()) {
    const property = properties[propertyName];
    if (!property || property.deprecated === 'IGNORE') continue;
    const optional = !property.required || propertyName === tagProperty;
    lines.push(
      `  readonly ${quoteKey(propertyName)}${optional ? '?' : ''}: ${renderType(property.type, nameOf)};`,
    );
  }
  lines.push('}\n');
  return lines.join('\n');
}

function renderType(type: PropertyType, nameOf: (id: string) => string): string {
  switch (type.type) {
    case 'string':
    case 'date-time':
      return 'Str';
    case 'number':
    case 'integer':
      return 'Num';
    case 'boolean':
      return 'Bool';
    case 'json':
    case 'null':
      return 'Json';
    case 'tag':
      return 'CfnTag';
    case 'ref':
      return `Obj<${nameOf(type.reference.$ref)}>`;
    case 'array':
      return `List<${renderType(type.element, nameOf)}>`;
    case 'map':
      return `StrMap<${renderType(type.element, nameOf)}>`;
    case 'union':
      return [...new Set(type.types.map((t) => renderType(t, nameOf)))].join(' | ');
  }
}

function quoteKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `'${key}'`;
}

function firstSentence(text: string): string {
  const sentence = text.split(/\n|(?<=\.)\s/)[0] ?? '';
  return sentence.replace(/\*\//g, '* /').slice(0, 200);
}
