import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { renderResourceTypes } from './render-resource-types';
import { RESOURCE_TYPES } from './resource-types';
import { specDatabase } from './spec-db';

export const RESOURCE_TYPES_FILE = fileURLToPath(
  new URL('../model/generated/cfn-resources.ts', import.meta.url),
);

/** The generated types file's text: rendered from the spec, then formatted the way the repository formats TypeScript. */
export async function resourceTypesSource(): Promise<string> {
  return format(renderResourceTypes(specDatabase(), RESOURCE_TYPES), {
    parser: 'typescript',
    singleQuote: true,
    printWidth: 100,
    trailingComma: 'all',
  });
}

export async function writeResourceTypes(): Promise<void> {
  writeFileSync(RESOURCE_TYPES_FILE, await resourceTypesSource());
}
