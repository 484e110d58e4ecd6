import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_FILES, type StackId } from '../stacks';
import {
  evaluateResources,
  parseTemplateDocument,
  Unresolved,
  type EvaluatedResource,
  type TemplateDocument,
} from './template-values';

const infrastructureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A committed template, parsed; for tests that classify real resources. */
export function committedDocument(id: StackId): TemplateDocument {
  return parseTemplateDocument(
    readFileSync(path.join(infrastructureDir, TEMPLATE_FILES[id]), 'utf8'),
  );
}

/** The resources of a committed template evaluated for dev in eu-west-1 with the given parameters. */
export function committedResources(
  id: StackId,
  parameters: Record<string, string> = {},
): Record<string, EvaluatedResource> {
  return evaluateResources(committedDocument(id), {
    parameters: { Environment: 'dev', CloudFrontPrefixListId: 'pl-4fa04526', ...parameters },
    account: '123456789012',
    region: 'eu-west-1',
    stackName: `mini-ecommerce-dev-${id}`,
    importValue: (name) => new Unresolved(`(import ${name})`),
  });
}
