import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { STACKS } from '../templates';

export const INFRA_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TemplateOnDisk {
  readonly file: string;
  readonly path: string;
  readonly text: string;
  readonly document: {
    Resources: Record<
      string,
      { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
    >;
  } & Record<string, unknown>;
}

/** The committed templates, as the validators see them. */
export function templatesOnDisk(): TemplateOnDisk[] {
  return STACKS.map((stack) => {
    const path = join(INFRA_ROOT, stack.file);
    const text = readFileSync(path, 'utf8');
    return { file: stack.file, path, text, document: parse(text) as TemplateOnDisk['document'] };
  });
}
