import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toYaml } from './render/to-yaml';
import { RESOURCE_TYPES_FILE, resourceTypesSource } from './spec/generate-resource-types';
import { STACKS } from './templates';

export const INFRA_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every generated file and its fresh content: the resource types, then the four templates. */
export async function generatedFiles(): Promise<{ path: string; content: string }[]> {
  return [
    { path: RESOURCE_TYPES_FILE, content: await resourceTypesSource() },
    ...STACKS.map((stack) => ({
      path: join(INFRA_ROOT, stack.file),
      content: toYaml(stack.build(), stack.source),
    })),
  ];
}

export type GeneratedStatus = 'created' | 'changed' | 'unchanged';

/**
 * Writes each generated file whose content differs (or, with `check`, writes nothing) and
 * returns what each file's status was, with its path relative to the infrastructure project.
 */
export function writeGeneratedFiles(
  files: { path: string; content: string }[],
  { check = false, root = INFRA_ROOT } = {},
): { name: string; path: string; status: GeneratedStatus }[] {
  return files.map((file) => {
    let current: string | undefined;
    try {
      current = readFileSync(file.path, 'utf8');
    } catch {
      current = undefined;
    }
    const status: GeneratedStatus =
      current === undefined ? 'created' : current === file.content ? 'unchanged' : 'changed';
    if (status !== 'unchanged' && !check) writeFileSync(file.path, file.content);
    return { name: relative(root, file.path), path: file.path, status };
  });
}

/**
 * `nx run infra:generate` writes the files and says which changed; with `--check` it writes
 * nothing and fails when a committed file differs from a fresh generation.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const results = writeGeneratedFiles(await generatedFiles(), { check });
  const stale = results.filter((r) => r.status !== 'unchanged');
  if (check) {
    if (stale.length > 0) {
      console.error(
        `out of date, run \`nx run infra:generate\`:\n  ${stale.map((r) => `${r.name}: ${r.status === 'created' ? 'missing' : 'differs'}`).join('\n  ')}`,
      );
      process.exitCode = 1;
    } else console.log('generated files are up to date');
    return;
  }
  for (const r of results) console.log(`${r.name}: ${r.status}`);
  console.log(
    stale.length > 0
      ? `${stale.length} of ${results.length} generated files changed: review them with \`git diff infrastructure\``
      : `all ${results.length} generated files unchanged`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
