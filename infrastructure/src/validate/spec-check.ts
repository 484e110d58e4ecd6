import type { Property, PropertyType } from '@aws-cdk/service-spec-types';
import { isIntrinsic } from '../model/intrinsics';
import { type SpecDatabase, findResource, typeDefinition } from '../spec/spec-db';

export interface SpecProblem {
  readonly resource: string;
  readonly path: string;
  readonly message: string;
}

/**
 * Checks every resource type, property name, required property and value shape of a template
 * against the current CloudFormation resource specification. Values that are intrinsics are
 * accepted as they are: CloudFormation resolves them at deploy time.
 */
export function checkAgainstSpec(
  db: SpecDatabase,
  template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> },
): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const spec = findResource(db, resource.Type);
    if (!spec) {
      problems.push({
        resource: logicalId,
        path: 'Type',
        message: `unknown resource type ${resource.Type}`,
      });
      continue;
    }
    checkObject(
      db,
      spec.properties,
      resource.Properties ?? {},
      `${resource.Type}`,
      (path, message) => problems.push({ resource: logicalId, path, message }),
    );
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function checkObject(
  db: SpecDatabase,
  properties: Readonly<Record<string, Property>>,
  value: unknown,
  path: string,
  report: Report,
): void {
  if (isIntrinsic(value)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(path, `expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  const given = value as Record<string, unknown>;
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in given))
      report(`${path}.${name}`, 'required property missing');
  }
  for (const [name, child] of Object.entries(given)) {
    const property = properties[name];
    if (!property) {
      report(`${path}.${name}`, 'not a property in the resource specification');
      continue;
    }
    checkValue(
      db,
      [property.type, ...(property.previousTypes ?? [])],
      child,
      `${path}.${name}`,
      report,
    );
  }
}

function checkValue(
  db: SpecDatabase,
  types: readonly PropertyType[],
  value: unknown,
  path: string,
  report: Report,
): void {
  if (isIntrinsic(value)) return;
  const failures: string[][] = [];
  for (const type of types) {
    const messages: { path: string; message: string }[] = [];
    checkOne(db, type, value, path, (p, m) => messages.push({ path: p, message: m }));
    if (messages.length === 0) return;
    failures.push(messages.map((m) => `${m.path}: ${m.message}`));
  }
  // Report the alternative that came closest (fewest problems).
  const best = failures.sort((a, b) => a.length - b.length)[0] ?? [];
  for (const line of best) {
    const at = line.indexOf(': ');
    report(line.slice(0, at), line.slice(at + 2));
  }
}

function checkOne(
  db: SpecDatabase,
  type: PropertyType,
  value: unknown,
  path: string,
  report: Report,
): void {
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string')
        report(path, `expected a string, got ${JSON.stringify(value)}`);
      else if (
        type.type === 'string' &&
        type.allowedValues?.length &&
        !type.allowedValues.includes(value)
      )
        report(path, `${value} is not one of ${type.allowedValues.join(', ')}`);
      return;
    case 'number':
    case 'integer':
      // CloudFormation accepts numbers written as strings.
      if (
        typeof value !== 'number' &&
        !(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
      )
        report(path, `expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false')
        report(path, `expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'json':
      return;
    case 'null':
      if (value !== null) report(path, 'expected null');
      return;
    case 'tag':
      checkObject(
        db,
        {
          Key: { type: { type: 'string' }, required: true },
          Value: { type: { type: 'string' }, required: true },
        },
        value,
        path,
        report,
      );
      return;
    case 'ref':
      checkObject(db, typeDefinition(db, type.reference.$ref).properties, value, path, report);
      return;
    case 'array':
      if (!Array.isArray(value)) report(path, 'expected a list');
      else
        value.forEach((item, i) => checkValue(db, [type.element], item, `${path}[${i}]`, report));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        report(path, 'expected a map');
      else
        for (const [k, v] of Object.entries(value))
          checkValue(db, [type.element], v, `${path}.${k}`, report);
      return;
    case 'union':
      checkValue(db, type.types, value, path, report);
      return;
  }
}
