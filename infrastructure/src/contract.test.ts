import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BOOTSTRAP_STACK_KEY,
  BOOTSTRAP_TEMPLATE_FILE,
  STACK_CONDITIONS,
  STACK_INPUTS,
  STACK_KEYS,
  STACK_OUTPUTS,
  STACK_PARAMETERS,
  STACK_TEMPLATE_FILES,
  type AnyStackKey,
  type StackKey,
} from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The deployment contract (libs/stack-model) against the committed YAML: every name a command,
 * the user data or another template reads must be one the templates really declare.
 */
interface Yaml {
  Parameters?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, { Export?: { Name: unknown } }>;
  Resources: Record<string, unknown>;
}
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The four stacks and the bootstrap stack, which declares outputs too (and imports nothing). */
const ALL_STACKS: readonly AnyStackKey[] = [...STACK_KEYS, BOOTSTRAP_STACK_KEY];
const templateFiles: Record<AnyStackKey, string> = {
  ...STACK_TEMPLATE_FILES,
  [BOOTSTRAP_STACK_KEY]: BOOTSTRAP_TEMPLATE_FILE,
};
const templates = Object.fromEntries(
  ALL_STACKS.map((key) => [
    key,
    parse(readFileSync(path.join(dir, templateFiles[key]), 'utf8')) as Yaml,
  ]),
) as Record<AnyStackKey, Yaml>;

function importsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) importsOf(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Fn::ImportValue') found.push((value as { 'Fn::Sub': string })['Fn::Sub']);
      else importsOf(value, found);
    }
  }
  return found;
}

describe('the deployment contract', () => {
  it('names exactly the outputs each committed template declares, with their export names', () => {
    for (const stack of ALL_STACKS) {
      const declared = templates[stack].Outputs ?? {};
      const contract = Object.values(STACK_OUTPUTS).filter((entry) => entry.stack === stack);
      expect(Object.keys(declared).sort(), stack).toEqual(
        contract.map((entry) => entry.output).sort(),
      );
      for (const entry of contract) {
        const exported = declared[entry.output]?.Export?.Name;
        if ('export' in entry)
          expect(exported, entry.output).toEqual({
            'Fn::Sub': `mini-ecommerce-\${Environment}-${entry.export}`,
          });
        else expect(exported, `${entry.output} must not be exported`).toBeUndefined();
      }
    }
  });

  it('imports only exports of stacks deployed earlier', () => {
    const exported = new Map<string, StackKey>();
    for (const entry of Object.values(STACK_OUTPUTS))
      if ('export' in entry)
        exported.set(`mini-ecommerce-\${Environment}-${entry.export}`, entry.stack);
    expect(importsOf(templates[BOOTSTRAP_STACK_KEY].Resources), 'bootstrap imports').toEqual([]);
    for (const [index, stack] of STACK_KEYS.entries()) {
      for (const name of importsOf(templates[stack].Resources)) {
        const from = exported.get(name);
        expect(from, `${stack} imports ${name}`).toBeDefined();
        expect(STACK_KEYS.indexOf(from as StackKey), `${stack} imports ${name}`).toBeLessThan(
          index,
        );
      }
    }
  });

  it('names every parameter and condition the templates declare, and no other', () => {
    const parameters = new Set(
      ALL_STACKS.flatMap((k) => Object.keys(templates[k].Parameters ?? {})),
    );
    expect([...parameters].sort()).toEqual([...new Set(Object.values(STACK_PARAMETERS))].sort());
    const conditions = new Set(
      ALL_STACKS.flatMap((k) => Object.keys(templates[k].Conditions ?? {})),
    );
    expect([...conditions].sort()).toEqual([...new Set(Object.values(STACK_CONDITIONS))].sort());
    for (const stack of ALL_STACKS)
      expect(Object.keys(templates[stack].Parameters ?? {}), stack).toContain(
        STACK_PARAMETERS.environment,
      );
  });

  it('feeds each stack input from an output of an earlier stack into a parameter it declares', () => {
    for (const [stack, inputs] of Object.entries(STACK_INPUTS) as [
      StackKey,
      Record<string, string>,
    ][]) {
      for (const [parameter, output] of Object.entries(inputs)) {
        const name = STACK_PARAMETERS[parameter as keyof typeof STACK_PARAMETERS];
        expect(Object.keys(templates[stack].Parameters ?? {}), stack).toContain(name);
        const source = STACK_OUTPUTS[output as keyof typeof STACK_OUTPUTS];
        const stacks: readonly AnyStackKey[] = STACK_KEYS;
        expect(stacks.indexOf(source.stack)).toBeGreaterThanOrEqual(0);
        expect(stacks.indexOf(source.stack)).toBeLessThan(stacks.indexOf(stack));
        expect(Object.keys(templates[source.stack].Outputs ?? {})).toContain(source.output);
      }
    }
  });
});
