import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * `nx run infra:generate` writes the files; with `--check` it writes nothing and fails when a
 * committed file differs from a fresh generation.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const file of await generatedFiles()) {
    let current: string | undefined;
    try {
      current = readFileSync(file.path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === file.content) continue;
    if (check) stale.push(file.path);
    else {
      writeFileSync(file.path, file.content);
      console.log(`wrote ${file.path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`out of date, run \`nx run infra:generate\`:\n  ${stale.join('\n  ')}`);
    process.exitCode = 1;
  } else if (check) console.log('generated files are up to date');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
