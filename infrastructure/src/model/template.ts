import type { ResourceAttributes, ResourceProps } from './generated/cfn-resources';
import { TAGGING } from './generated/cfn-resources';
import { type Condition, type GetAttFn, type RefFn, getAtt, ref } from './intrinsics';
import type { CfnTag, JsonValue, Str } from './values';

export type ResourceType = keyof ResourceProps;

/** A deliberate departure from a rule, written next to the resource with its reason. */
export interface RuleException {
  /** Control Tower control id (`CT.S3.PR.2`) or Python cfn-lint rule id (`W3005`). */
  readonly rule: string;
  readonly reason: string;
}

export interface ResourceOptions {
  readonly condition?: string;
  readonly dependsOn?: readonly ResourceHandle<ResourceType>[];
  readonly deletionPolicy?: 'Delete' | 'Retain' | 'RetainExceptOnCreate' | 'Snapshot';
  readonly updateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
  readonly creationPolicy?: JsonValue;
  readonly updatePolicy?: JsonValue;
  /** Control Tower proactive controls this resource deliberately does not meet. */
  readonly guardExceptions?: readonly RuleException[];
  /** Python cfn-lint rules this resource deliberately does not meet. */
  readonly lintExceptions?: readonly RuleException[];
  /** Deliberate design choices a reviewer would otherwise question, kept in the template's Metadata. */
  readonly notes?: readonly string[];
  /** Leave the standard tags off (for the few taggable types whose tags are set elsewhere). */
  readonly untagged?: boolean;
}

export interface ParameterDefinition {
  readonly Type:
    | 'String'
    | 'Number'
    | 'CommaDelimitedList'
    | 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'
    | 'AWS::SSM::Parameter::Value<String>';
  readonly Description: string;
  readonly Default?: string | number;
  readonly AllowedValues?: readonly (string | number)[];
  readonly AllowedPattern?: string;
  readonly ConstraintDescription?: string;
  readonly MinValue?: number;
  readonly MaxValue?: number;
  readonly NoEcho?: boolean;
}

export interface OutputDefinition {
  readonly Description: string;
  readonly Value: Str;
  readonly Export?: { readonly Name: Str };
  readonly Condition?: string;
}

export interface ResourceDocument {
  readonly Type: string;
  readonly Condition?: string;
  readonly DependsOn?: readonly string[];
  readonly Metadata?: Readonly<Record<string, JsonValue>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly CreationPolicy?: JsonValue;
  readonly UpdatePolicy?: JsonValue;
  readonly Properties: Readonly<Record<string, unknown>>;
}

/** The template as plain data, with sections in CloudFormation's customary order. */
export interface TemplateDocument {
  readonly AWSTemplateFormatVersion: '2010-09-09';
  readonly Description: string;
  readonly Metadata?: Readonly<Record<string, JsonValue>>;
  readonly Parameters?: Readonly<Record<string, ParameterDefinition>>;
  readonly Conditions?: Readonly<Record<string, Condition>>;
  readonly Resources: Readonly<Record<string, ResourceDocument>>;
  readonly Outputs?: Readonly<Record<string, OutputDefinition>>;
}

export class ResourceHandle<T extends ResourceType> {
  constructor(
    readonly logicalId: string,
    readonly type: T,
  ) {}

  ref(): RefFn {
    return ref(this.logicalId);
  }

  getAtt(attribute: ResourceAttributes[T]): GetAttFn {
    return getAtt(this.logicalId, attribute);
  }
}

export class ParameterHandle {
  constructor(readonly name: string) {}
  ref(): RefFn {
    return ref(this.name);
  }
}

/**
 * Collects a template's parts and adds the standard tags to every taggable resource.
 * Insertion order is output order, so the same code always yields the same document.
 */
export class TemplateBuilder {
  private readonly parameters = new Map<string, ParameterDefinition>();
  private readonly conditions = new Map<string, Condition>();
  private readonly resources = new Map<string, ResourceDocument>();
  private readonly outputs = new Map<string, OutputDefinition>();
  private readonly parameterGroups: { label: string; names: string[] }[] = [];

  constructor(
    private readonly description: string,
    private readonly standardTags: readonly CfnTag[],
  ) {}

  /** The standard tags, for tag lists the builder cannot find by itself (launch template tag specifications). */
  standardTagList(): readonly CfnTag[] {
    return this.standardTags;
  }

  parameter(
    name: string,
    definition: ParameterDefinition,
    group = 'Configuration',
  ): ParameterHandle {
    this.claim(name, this.parameters);
    this.parameters.set(name, definition);
    const existing = this.parameterGroups.find((g) => g.label === group);
    if (existing) existing.names.push(name);
    else this.parameterGroups.push({ label: group, names: [name] });
    return new ParameterHandle(name);
  }

  condition(name: string, expression: Condition): string {
    this.claim(name, this.conditions);
    this.conditions.set(name, expression);
    return name;
  }

  resource<T extends ResourceType>(
    logicalId: string,
    type: T,
    properties: ResourceProps[T],
    options: ResourceOptions = {},
  ): ResourceHandle<T> {
    this.claim(logicalId, this.resources);
    if (options.condition && !this.conditions.has(options.condition)) {
      throw new Error(`${logicalId}: unknown condition ${options.condition}`);
    }
    const metadata = exceptionMetadata(options);
    this.resources.set(logicalId, {
      Type: type,
      ...(options.condition ? { Condition: options.condition } : {}),
      ...(options.dependsOn?.length
        ? { DependsOn: options.dependsOn.map((d) => d.logicalId) }
        : {}),
      ...(metadata ? { Metadata: metadata } : {}),
      ...(options.deletionPolicy ? { DeletionPolicy: options.deletionPolicy } : {}),
      ...(options.updateReplacePolicy ? { UpdateReplacePolicy: options.updateReplacePolicy } : {}),
      ...(options.creationPolicy ? { CreationPolicy: options.creationPolicy } : {}),
      ...(options.updatePolicy ? { UpdatePolicy: options.updatePolicy } : {}),
      // Generated interfaces have no index signature; the document only needs them as plain data.
      Properties: this.withTags(
        type,
        properties as unknown as Record<string, unknown>,
        options.untagged,
      ),
    });
    return new ResourceHandle(logicalId, type);
  }

  output(name: string, definition: OutputDefinition): void {
    this.claim(name, this.outputs);
    if (definition.Condition && !this.conditions.has(definition.Condition)) {
      throw new Error(`output ${name}: unknown condition ${definition.Condition}`);
    }
    this.outputs.set(name, definition);
  }

  build(): TemplateDocument {
    const interfaceMetadata =
      this.parameterGroups.length > 0
        ? {
            'AWS::CloudFormation::Interface': {
              ParameterGroups: this.parameterGroups.map((g) => ({
                Label: { default: g.label },
                Parameters: g.names,
              })),
            },
          }
        : undefined;
    return {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: this.description,
      ...(interfaceMetadata ? { Metadata: interfaceMetadata } : {}),
      ...(this.parameters.size ? { Parameters: Object.fromEntries(this.parameters) } : {}),
      ...(this.conditions.size ? { Conditions: Object.fromEntries(this.conditions) } : {}),
      Resources: Object.fromEntries(this.resources),
      ...(this.outputs.size ? { Outputs: Object.fromEntries(this.outputs) } : {}),
    };
  }

  /** Parameters, resources and conditions share one namespace in CloudFormation; outputs have their own. */
  private claim(name: string, section: Map<string, unknown>): void {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw new Error(`${name}: logical names are alphanumeric`);
    const shared =
      section === this.outputs
        ? [this.outputs]
        : [this.parameters, this.resources, this.conditions];
    if (shared.some((s) => s.has(name))) throw new Error(`${name} is defined twice`);
  }

  private withTags(
    type: ResourceType,
    properties: Record<string, unknown>,
    untagged = false,
  ): Record<string, unknown> {
    const tagging = TAGGING[type];
    if (!tagging || untagged) return properties;
    const own = (properties[tagging.property] ?? []) as readonly CfnTag[];
    const merged = [...this.standardTags.filter((s) => !own.some((o) => o.Key === s.Key)), ...own];
    const tags =
      tagging.variant === 'map'
        ? Object.fromEntries(merged.map((t) => [t.Key, t.Value]))
        : tagging.variant === 'asg'
          ? merged.map((t) => ({ ...t, PropagateAtLaunch: true }))
          : merged;
    return { ...properties, [tagging.property]: tags };
  }
}

function exceptionMetadata(options: ResourceOptions): Record<string, JsonValue> | undefined {
  const guard = options.guardExceptions ?? [];
  const lint = options.lintExceptions ?? [];
  const notes = options.notes ?? [];
  if (guard.length === 0 && lint.length === 0 && notes.length === 0) return undefined;
  for (const exception of [...guard, ...lint]) {
    if (exception.reason.trim().length < 20)
      throw new Error(`${exception.rule}: write down why (got "${exception.reason}")`);
  }
  return {
    ...(guard.length ? { guard: { SuppressedRules: guard.map((e) => e.rule) } } : {}),
    ...(lint.length ? { 'cfn-lint': { config: { ignore_checks: lint.map((e) => e.rule) } } } : {}),
    // The reasons sit beside the suppressions so a reviewer reads them in the template itself.
    ...(guard.length || lint.length
      ? { Exceptions: Object.fromEntries([...guard, ...lint].map((e) => [e.rule, e.reason])) }
      : {}),
    ...(notes.length ? { Notes: notes } : {}),
  };
}
