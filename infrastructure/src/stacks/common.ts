import {
  CLOUD_ENVIRONMENTS,
  type Environment,
  type ExportKey,
  type OutputKey,
  type StackKey,
  STACK_OUTPUTS,
  exportName,
  logGroupName,
  resourceName,
  standardTags,
  STACK_PARAMETERS,
  STACK_CONDITIONS,
} from '@mini-ecommerce/stack-model';
import { equals, importValue, sub, type Expr, type ImportValueFn } from '../model/intrinsics';
import { type ParameterHandle, TemplateBuilder } from '../model/template';
import type { CfnTag, Str } from '../model/values';

/** Every template takes the environment as its `Environment` parameter. */
export const ENVIRONMENT_PARAMETER = STACK_PARAMETERS.environment;

/**
 * The stack model's naming functions take an environment; the templates only know it at
 * deploy time. Passing this `Fn::Sub` placeholder through them keeps the naming rule in one
 * place (`stacks.test.ts` checks the substituted names in the committed templates equal the model's).
 */
export const ENV_PLACEHOLDER = `\${${ENVIRONMENT_PARAMETER}}` as Environment;

/** Wraps a string built with ENV_PLACEHOLDER (or other `${...}` variables) in `Fn::Sub`. */
export function envSub(text: string): Expr {
  return text.includes('${') ? sub(text) : text;
}

/** `mini-ecommerce-${Environment}-<name>` as `Fn::Sub` text, for embedding in a longer Sub. */
export function envNameText(name: string): string {
  return resourceName(ENV_PLACEHOLDER, name);
}

/** `mini-ecommerce-${Environment}-<name>`. */
export function envName(name: string): Expr {
  return envSub(envNameText(name));
}

export function exportAs(key: ExportKey): { readonly Name: Str } {
  return { Name: envSub(exportName(ENV_PLACEHOLDER, key)) };
}

/**
 * Declares the output the contract (`STACK_OUTPUTS` in libs/stack-model) names for `key`, exported
 * under the contract's export name when it has one.
 */
export function stackOutput(
  template: TemplateBuilder,
  key: OutputKey,
  output: { readonly Description: string; readonly Value: Expr },
): void {
  const contract: { readonly output: string; readonly export?: string } = STACK_OUTPUTS[key];
  template.output(contract.output, {
    ...output,
    ...(contract.export ? { Export: exportAs(key as ExportKey) } : {}),
  });
}

/** The output keys of the contract that one stack declares. */
export type OutputsOf<S extends StackKey> = {
  [K in OutputKey]: (typeof STACK_OUTPUTS)[K]['stack'] extends S ? K : never;
}[OutputKey];

/**
 * Every output of one stack at once: the record must name each output the contract gives that
 * stack (a missing or stray key is a type error), and they are declared in the record's order.
 */
export function stackOutputs<S extends StackKey>(
  template: TemplateBuilder,
  _stack: S,
  outputs: Record<OutputsOf<S>, { readonly Description: string; readonly Value: Expr }>,
): void {
  for (const [key, output] of Object.entries(outputs) as [
    OutputsOf<S>,
    { readonly Description: string; readonly Value: Expr },
  ][]) {
    stackOutput(template, key, output);
  }
}

export function importFrom(key: ExportKey): ImportValueFn {
  return importValue(envSub(exportName(ENV_PLACEHOLDER, key)));
}

export function templateTags(): CfnTag[] {
  return standardTags(ENV_PLACEHOLDER).map((tag) => ({ Key: tag.Key, Value: envSub(tag.Value) }));
}

export const IS_PROD = STACK_CONDITIONS.isProd;

/** Every log group keeps a year of logs (CT.CLOUDWATCH.PR.2); one value, so cfn-guard can check it. */
export const LOG_RETENTION_DAYS = 365;

/** A builder with the `Environment` parameter every stack takes (and `IsProd` where asked for). */
export function stackTemplate(
  description: string,
  options: { isProd?: boolean } = {},
): TemplateBuilder {
  const template = new TemplateBuilder(description, templateTags());
  const environment = template.parameter(
    ENVIRONMENT_PARAMETER,
    {
      Type: 'String',
      Description: 'Deployment environment; part of every resource name and tag.',
      Default: 'dev',
      AllowedValues: CLOUD_ENVIRONMENTS,
    },
    'Environment',
  );
  if (options.isProd) template.condition(IS_PROD, equals(environment.ref(), 'prod'));
  return template;
}

/** A `true`/`false` parameter, off unless the deploy turns it on. */
export function switchParameter(
  template: TemplateBuilder,
  name: string,
  description: string,
  group: string,
): ParameterHandle {
  return template.parameter(
    name,
    {
      Type: 'String',
      Description: description,
      Default: 'false',
      AllowedValues: ['true', 'false'],
    },
    group,
  );
}

/** `Name` tag, for the console's resource lists. */
export function nameTag(name: string): CfnTag {
  return { Key: 'Name', Value: envName(name) };
}

/** `/mini-ecommerce/${Environment}/<name>` as `Fn::Sub` text. */
export function envLogGroupText(name: string): string {
  return logGroupName(ENV_PLACEHOLDER, name);
}

/** `/mini-ecommerce/${Environment}/<name>`. */
export function envLogGroupName(name: string): Expr {
  return envSub(envLogGroupText(name));
}

/**
 * `DeployerPrincipalArns`: the `aws:PrincipalArn` patterns of whoever deploys (filled by
 * `infra:deploy` from STS GetCallerIdentity). Only they may write API releases (the artifacts
 * bucket policy) and encrypt the JWT secret (its key policy).
 */
export function deployerPrincipalsParameter(template: TemplateBuilder) {
  return template.parameter(
    STACK_PARAMETERS.deployerPrincipalArns,
    {
      Type: 'CommaDelimitedList',
      Description:
        'aws:PrincipalArn patterns of the deployer (IAM user, role, or role/*/name for a role with a path). infra:deploy sets it to the caller it runs as.',
      AllowedPattern: '^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:[A-Za-z0-9+=,.@_/*-]+$',
      ConstraintDescription: 'IAM or STS principal ARNs, comma-separated',
    },
    'Deployment',
  );
}
