import { parse } from 'yaml';

/**
 * A value CloudFormation only knows while it deploys: an attribute of a resource, a value of
 * another stack. Compared by its text, so the same reference before and after is no change.
 */
export class Unresolved {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** An import of an export whose stack is not deployed yet: shown as "known after <stack>". */
export class KnownAfter extends Unresolved {
  constructor(readonly stack: string) {
    super(`(known after ${stack})`);
  }
}

export interface TemplateDocument {
  readonly Parameters?: Record<string, { Default?: unknown; NoEcho?: unknown; Type?: string }>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources?: Record<string, TemplateResource>;
}

export interface TemplateResource {
  readonly Type?: string;
  readonly Condition?: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

export interface EvaluationInputs {
  /** Parameter values; a parameter absent here takes its Default. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly account: string;
  readonly region: string;
  readonly stackName: string;
  /** The value of `Fn::ImportValue` of an export, or an Unresolved standing for it. */
  readonly importValue: (exportName: string) => unknown;
}

/** A resource of a template with its properties evaluated as far as they can be before a deploy. */
export interface EvaluatedResource {
  readonly type: string;
  readonly properties: Record<string, unknown>;
  readonly deletionPolicy: string | undefined;
}

export function parseTemplateDocument(body: string): TemplateDocument {
  // The committed templates use long-form intrinsics only; a short-form tag stays unresolved.
  return (parse(body, { logLevel: 'silent' }) ?? {}) as TemplateDocument;
}

const NO_VALUE = Symbol('AWS::NoValue');

/** A plain JSON object: not a list, not null (an Unresolved counts as one; see property-values). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Evaluates the resources of a template the way CloudFormation would with the given parameters:
 * parameters, pseudo parameters, conditions, `Fn::If`, `Fn::Sub`, `Fn::Join`, `Fn::Select`,
 * `Fn::Split` and `Fn::ImportValue` are resolved; `Ref` of a resource and `Fn::GetAtt` become
 * Unresolved. Resources whose condition is false are left out, as CloudFormation leaves them.
 */
export function evaluateResources(
  document: TemplateDocument,
  inputs: EvaluationInputs,
): Record<string, EvaluatedResource> {
  const evaluator = new Evaluator(document, inputs);
  const result: Record<string, EvaluatedResource> = {};
  for (const [logicalId, resource] of Object.entries(document.Resources ?? {})) {
    if (resource.Condition !== undefined && evaluator.condition(resource.Condition) === false)
      continue;
    const properties = evaluator.value(resource.Properties ?? {});
    result[logicalId] = {
      type: resource.Type ?? 'unknown',
      properties: isObject(properties) ? properties : {},
      deletionPolicy: resource.DeletionPolicy,
    };
  }
  return result;
}

/** The parameter values a template would deploy with: given values over defaults. */
export function effectiveParameters(
  document: TemplateDocument,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, definition] of Object.entries(document.Parameters ?? {})) {
    const value = given[name] ?? definition.Default;
    if (value !== undefined) values[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return values;
}

class Evaluator {
  private readonly conditions = new Map<string, boolean | undefined>();

  constructor(
    private readonly document: TemplateDocument,
    private readonly inputs: EvaluationInputs,
  ) {}

  /** true/false when it can be decided before the deploy, undefined otherwise. */
  condition(name: string): boolean | undefined {
    if (!this.conditions.has(name)) {
      this.conditions.set(name, undefined); // a cycle evaluates to unknown
      const result = this.value(this.document.Conditions?.[name]);
      this.conditions.set(name, typeof result === 'boolean' ? result : undefined);
    }
    return this.conditions.get(name);
  }

  value(node: unknown): unknown {
    if (Array.isArray(node))
      return node.map((item) => this.value(item)).filter((item) => item !== NO_VALUE);
    if (!isObject(node)) return node;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const key = keys[0] as string;
      const argument = node[key];
      if (key === 'Ref') return this.ref(String(argument));
      if (key === 'Condition' && typeof argument === 'string') return this.condition(argument);
      if (key.startsWith('Fn::')) return this.intrinsic(key, argument);
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      const evaluated = this.value(item);
      if (evaluated !== NO_VALUE) result[key] = evaluated;
    }
    return result;
  }

  private ref(name: string): unknown {
    const { inputs } = this;
    switch (name) {
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::AccountId':
        return inputs.account;
      case 'AWS::Region':
        return inputs.region;
      case 'AWS::StackName':
        return inputs.stackName;
      case 'AWS::Partition':
        return inputs.region.startsWith('cn-') ? 'aws-cn' : 'aws';
      case 'AWS::URLSuffix':
        return inputs.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    }
    const parameter = this.document.Parameters?.[name];
    if (parameter !== undefined) {
      const value = inputs.parameters[name] ?? parameter.Default;
      if (value === undefined) return new Unresolved(`(parameter ${name})`);
      return parameter.Type === 'CommaDelimitedList' || parameter.Type?.startsWith('List<')
        ? String(value).split(',')
        : String(value);
    }
    return new Unresolved(`(ref ${name})`);
  }

  private intrinsic(name: string, argument: unknown): unknown {
    const args = Array.isArray(argument) ? argument : [argument];
    switch (name) {
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = args as [string, unknown, unknown];
        const decided = this.condition(String(condition));
        if (decided === true) return this.value(whenTrue);
        if (decided === false) return this.value(whenFalse);
        return new Unresolved(`(if ${condition})`);
      }
      case 'Fn::Equals': {
        const [a, b] = args.map((item) => this.value(item));
        if (a instanceof Unresolved || b instanceof Unresolved) return undefined;
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not': {
        const inner = this.value(args[0]);
        return typeof inner === 'boolean' ? !inner : undefined;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = args.map((item) => this.value(item));
        const wanted = name === 'Fn::Or';
        if (values.some((item) => item === wanted)) return wanted;
        return values.every((item) => typeof item === 'boolean') ? !wanted : undefined;
      }
      case 'Fn::Sub':
        return this.sub(args);
      case 'Fn::Join': {
        const [separator, items] = args as [string, unknown];
        const values = this.value(items);
        if (!Array.isArray(values)) return new Unresolved('(join)');
        const known = values.find((item) => item instanceof KnownAfter);
        if (known) return known;
        return values.map((item) => String(item)).join(String(separator));
      }
      case 'Fn::Select': {
        const [index, items] = args.map((item) => this.value(item));
        return Array.isArray(items) ? items[Number(index)] : new Unresolved('(select)');
      }
      case 'Fn::Split': {
        const [separator, text] = args.map((item) => this.value(item));
        return typeof text === 'string'
          ? text.split(String(separator))
          : new Unresolved(`(split ${String(text)})`);
      }
      case 'Fn::ImportValue': {
        const exportName = this.value(args[0]);
        return typeof exportName === 'string'
          ? this.inputs.importValue(exportName)
          : new Unresolved('(import)');
      }
      case 'Fn::GetAtt': {
        const path = typeof argument === 'string' ? argument : args.map(String).join('.');
        return new Unresolved(`(${path})`);
      }
      case 'Fn::Base64':
        return this.value(args[0]);
      default:
        return new Unresolved(`(${name.slice(4)})`);
    }
  }

  private sub(args: unknown[]): unknown {
    const [text, variables] = args as [unknown, unknown];
    const local = isObject(variables) ? variables : {};
    let knownAfter: KnownAfter | undefined;
    const result = String(text).replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
      const value =
        name in local
          ? this.value(local[name])
          : name.includes('.')
            ? new Unresolved(whole)
            : this.ref(name);
      if (value instanceof KnownAfter) knownAfter ??= value;
      if (value instanceof Unresolved && !(value instanceof KnownAfter)) return whole;
      return String(value);
    });
    return knownAfter ?? result.replace(/\$\{!/g, '${');
  }
}
