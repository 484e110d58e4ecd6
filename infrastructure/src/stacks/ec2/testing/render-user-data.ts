import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Renders the EC2 user data exactly as an instance receives it: the launch template's
 * `UserData: Fn::Base64: Fn::Sub: [text, variables]` from the committed template, with every
 * `${...}` resolved the way CloudFormation resolves it, from fixed test values. Anything the test
 * values do not cover is an error that names the placeholder, never a silently kept `${...}`.
 */

/** The stack the test pretends to deploy. */
export interface DeploymentValues {
  /** `${AWS::Region}`, `${AWS::StackName}`, `${AWS::AccountId}`, ... */
  readonly pseudo: Readonly<Record<string, string>>;
  /** Parameter values; parameters not listed take their template `Default`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * `Ref` of resources (physical ids). Resources whose Ref is the name they are given in the
   * template (log groups, buckets, parameters, tables) need no entry when the name is set.
   */
  readonly refs?: Readonly<Record<string, string>>;
  /** `Fn::GetAtt` values, keyed `Logical.Attribute`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** `Fn::ImportValue` values, keyed by export name. */
  readonly imports?: Readonly<Record<string, string>>;
}

export interface RenderedUserData {
  /** Logical id of the launch template the user data came from. */
  readonly launchTemplate: string;
  /** The script text as the instance runs it. */
  readonly script: string;
  /** The Fn::Sub variables map, evaluated. */
  readonly variables: Readonly<Record<string, string>>;
}

interface Template {
  Parameters?: Record<string, { Default?: unknown }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** Types whose `Ref` is the name property they are created with. */
const REF_IS_NAME: Readonly<Record<string, string>> = {
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SSM::Parameter': 'Name',
  'AWS::DynamoDB::Table': 'TableName',
};

export class UnresolvedPlaceholderError extends Error {}

/** Reads `templatePath` and renders the one launch template's user data. */
export function renderUserDataFromTemplate(
  templatePath: string,
  values: DeploymentValues,
): RenderedUserData {
  const template = parse(readFileSync(templatePath, 'utf8')) as Template;
  const launchTemplates = Object.entries(template.Resources).filter(
    ([, r]) => r.Type === 'AWS::EC2::LaunchTemplate',
  );
  if (launchTemplates.length !== 1)
    throw new Error(
      `${templatePath}: expected one AWS::EC2::LaunchTemplate, found ${launchTemplates.length}`,
    );
  const [launchTemplate, resource] = launchTemplates[0] as [string, Template['Resources'][string]];
  const userData = (resource.Properties?.['LaunchTemplateData'] as Record<string, unknown>)?.[
    'UserData'
  ] as Record<string, unknown> | undefined;
  const sub = (userData?.['Fn::Base64'] as Record<string, unknown> | undefined)?.['Fn::Sub'];
  if (sub === undefined)
    throw new Error(
      `${templatePath} ${launchTemplate}: LaunchTemplateData.UserData is not Fn::Base64 of Fn::Sub`,
    );
  const [text, variableNodes] = (Array.isArray(sub) ? sub : [sub, {}]) as [
    unknown,
    Record<string, unknown>,
  ];
  if (typeof text !== 'string')
    throw new Error(`${launchTemplate}: the Fn::Sub text is not a string`);
  const evaluator = new Evaluator(template, values);
  const variables = Object.fromEntries(
    Object.entries(variableNodes).map(([name, node]) => [
      name,
      evaluator.string(node, `Fn::Sub variable ${name}`),
    ]),
  );
  return {
    launchTemplate,
    script: evaluator.sub(text, variables, `${launchTemplate} UserData`),
    variables,
  };
}

/** The subset of CloudFormation intrinsics a user data script's Fn::Sub can use. */
class Evaluator {
  private readonly parameters: Record<string, string>;

  constructor(
    private readonly template: Template,
    private readonly values: DeploymentValues,
  ) {
    const defaults = Object.fromEntries(
      Object.entries(template.Parameters ?? {})
        .filter(([, p]) => p.Default !== undefined)
        .map(([name, p]) => [name, String(p.Default)]),
    );
    this.parameters = { ...defaults, ...values.parameters };
  }

  string(node: unknown, where: string): string {
    const value = this.value(node, where);
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`${where}: evaluates to ${JSON.stringify(value)}, not a string`);
    return String(value);
  }

  /** CloudFormation's Fn::Sub: `${Name}`, `${Logical.Attribute}`, `${!Literal}` -> `${Literal}`. */
  sub(text: string, variables: Readonly<Record<string, string>>, where: string): string {
    const unresolved = new Set<string>();
    const result = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (name in variables) return variables[name] as string;
      const resolved = this.lookup(name);
      if (resolved === undefined) unresolved.add(whole);
      return resolved ?? whole;
    });
    if (unresolved.size > 0)
      throw new UnresolvedPlaceholderError(
        `${where}: no value for ${[...unresolved].join(', ')}. CloudFormation would resolve it from ` +
          `a parameter, pseudo parameter, resource or the Fn::Sub variables map; give the test a ` +
          `value (DeploymentValues in the dry-run test) or escape a shell \${...} as \${!...}.`,
      );
    return result;
  }

  private lookup(name: string): string | undefined {
    if (name.startsWith('AWS::')) return this.values.pseudo[name];
    if (name.includes('.')) return this.values.attributes?.[name];
    return this.ref(name);
  }

  private ref(name: string): string | undefined {
    if (name.startsWith('AWS::')) return this.values.pseudo[name];
    if (name in this.parameters) return this.parameters[name];
    if (this.values.refs && name in this.values.refs) return this.values.refs[name];
    const resource = this.template.Resources[name];
    const nameProperty = resource && REF_IS_NAME[resource.Type];
    const given = nameProperty && resource.Properties?.[nameProperty];
    return given === undefined || given === '' || !nameProperty
      ? undefined
      : this.string(given, `Ref ${name} (its ${nameProperty})`);
  }

  private value(node: unknown, where: string): unknown {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((n, i) => this.value(n, `${where}[${i}]`));
    const entries = Object.entries(node as Record<string, unknown>);
    const [key, arg] = entries[0] ?? [];
    if (entries.length !== 1 || !key || !(key === 'Ref' || key.startsWith('Fn::')))
      return Object.fromEntries(entries.map(([k, v]) => [k, this.value(v, `${where}.${k}`)]));
    const fail = (why: string): never => {
      throw new UnresolvedPlaceholderError(`${where}: ${key} ${JSON.stringify(arg)}: ${why}`);
    };
    switch (key) {
      case 'Ref': {
        if (arg === 'AWS::NoValue') return undefined;
        return this.ref(String(arg)) ?? fail('no value: give the test one');
      }
      case 'Fn::GetAtt': {
        const name = Array.isArray(arg) ? arg.join('.') : String(arg);
        return this.values.attributes?.[name] ?? fail('no value: give the test one');
      }
      case 'Fn::ImportValue': {
        const name = this.string(arg, `${where} export name`);
        return this.values.imports?.[name] ?? fail(`no export ${name}: give the test one`);
      }
      case 'Fn::Sub': {
        const [text, vars] = (Array.isArray(arg) ? arg : [arg, {}]) as [
          string,
          Record<string, unknown>,
        ];
        const evaluated = Object.fromEntries(
          Object.entries(vars).map(([k, v]) => [k, this.string(v, `${where} ${k}`)]),
        );
        return this.sub(text, evaluated, where);
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
        return this.value(this.condition(condition) ? whenTrue : whenFalse, where);
      }
      case 'Fn::Join': {
        const [separator, items] = arg as [string, unknown];
        return (this.value(items, where) as unknown[])
          .filter((i) => i !== undefined)
          .join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = arg as [unknown, unknown];
        return (this.value(items, where) as unknown[])[Number(this.value(index, where))];
      }
      case 'Fn::Split': {
        const [separator, text] = arg as [string, unknown];
        return this.string(text, where).split(separator);
      }
      case 'Fn::Base64':
        return this.value(arg, where);
      default:
        return fail('not evaluated by the dry-run renderer (add it to render-user-data.ts)');
    }
  }

  private condition(name: string): boolean {
    const node = this.template.Conditions?.[name];
    if (node === undefined) throw new Error(`unknown condition ${name}`);
    return this.truth(node, `condition ${name}`);
  }

  private truth(node: unknown, where: string): boolean {
    const [key, arg] = Object.entries(node as Record<string, unknown>)[0] ?? [];
    const args = arg as unknown[];
    switch (key) {
      case 'Condition':
        return this.condition(String(arg));
      case 'Fn::Equals':
        return this.string(args[0], where) === this.string(args[1], where);
      case 'Fn::Not':
        return !this.truth(args[0], where);
      case 'Fn::And':
        return args.every((a) => this.truth(a, where));
      case 'Fn::Or':
        return args.some((a) => this.truth(a, where));
      default:
        throw new Error(`${where}: ${String(key)} is not a condition function`);
    }
  }
}
