import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { UserError } from './errors';
import { TEMPLATE_FILES, type StackId } from './stacks';

export interface TemplateParameter {
  readonly name: string;
  readonly hasDefault: boolean;
}

export interface StackTemplate {
  readonly id: StackId;
  readonly file: string;
  readonly body: string;
  readonly parameters: readonly TemplateParameter[];
  readonly outputs: readonly string[];
}

/** Where the generated templates live; the deploy code only reads them. */
export function templatePath(infrastructureDir: string, id: StackId): string {
  return path.join(infrastructureDir, TEMPLATE_FILES[id]);
}

export async function loadTemplate(infrastructureDir: string, id: StackId): Promise<StackTemplate> {
  const file = templatePath(infrastructureDir, id);
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch {
    throw new UserError(
      `Template ${file} not found: generate the templates first (nx run infra:generate).`,
    );
  }
  return { id, file, body, ...describeTemplate(body, file) };
}

/**
 * Reads only the Parameters and Outputs sections. CloudFormation short-form tags (!Ref, !Sub)
 * are unknown to a plain YAML parser; they only occur in values we do not need, so their
 * warnings are silenced instead of re-implementing every intrinsic function.
 */
export function describeTemplate(
  body: string,
  file = 'template',
): Pick<StackTemplate, 'parameters' | 'outputs'> {
  let document: unknown;
  try {
    document = parse(body, { logLevel: 'error' });
  } catch (error) {
    throw new UserError(`Template ${file} is not valid YAML: ${(error as Error).message}`);
  }
  const root = (document ?? {}) as {
    Parameters?: Record<string, { Default?: unknown }>;
    Outputs?: Record<string, unknown>;
  };
  const parameters = Object.entries(root.Parameters ?? {}).map(([name, definition]) => ({
    name,
    hasDefault: definition !== null && typeof definition === 'object' && 'Default' in definition,
  }));
  return { parameters, outputs: Object.keys(root.Outputs ?? {}) };
}
