import type { Parameter } from '@aws-sdk/client-cloudformation';
import { STACK_PARAMETERS, type Environment } from '@mini-ecommerce/stack-model';
import { UserError } from './errors';
import type { StackTemplate } from './template';

/** The parameter every template takes; the deploy code always sets it from --env. */
export const ENVIRONMENT_PARAMETER = STACK_PARAMETERS.environment;

/**
 * Only parameters the template declares are passed (CloudFormation rejects unknown ones). On an
 * update, a parameter not given again keeps its deployed value rather than falling back to the
 * default, so `--parameters AlertEmail=...` given once is not silently undone by the next deploy.
 */
export function stackParameters(
  template: StackTemplate,
  env: Environment,
  overrides: Readonly<Record<string, string>>,
  deployedKeys: ReadonlySet<string> | undefined,
): Parameter[] {
  const parameters: Parameter[] = [];
  const missing: string[] = [];
  for (const { name, hasDefault } of template.parameters) {
    const value = overrides[name] ?? (name === ENVIRONMENT_PARAMETER ? env : undefined);
    if (value !== undefined) parameters.push({ ParameterKey: name, ParameterValue: value });
    else if (deployedKeys?.has(name))
      parameters.push({ ParameterKey: name, UsePreviousValue: true });
    else if (!hasDefault) missing.push(name);
  }
  if (missing.length > 0) {
    throw new UserError(
      `${template.file} needs ${missing.join(', ')} (no default): pass ${missing.map((name) => `--parameters ${name}=<value>`).join(' ')}.`,
    );
  }
  return parameters;
}

/** A --parameters key that no selected template declares is a typo, not something to ignore. */
export function assertKnownParameters(
  templates: readonly StackTemplate[],
  overrides: Readonly<Record<string, string>>,
): void {
  const known = new Set(
    templates.flatMap((template) => template.parameters.map((parameter) => parameter.name)),
  );
  const unknown = Object.keys(overrides).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UserError(
      `Unknown parameter ${unknown.join(', ')}: the selected templates declare ${[...known].sort().join(', ') || 'no parameters'}.`,
    );
  }
}
