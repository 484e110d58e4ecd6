import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Output } from '@aws-sdk/client-cloudformation';
import { STACK_TEMPLATE_FILES, type StackKey } from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';

const infrastructureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The output keys the committed template of a stack declares. */
export function committedOutputKeys(stack: StackKey): string[] {
  const document = parse(
    readFileSync(path.join(infrastructureDir, STACK_TEMPLATE_FILES[stack]), 'utf8'),
    { logLevel: 'silent' },
  ) as { Outputs?: Record<string, unknown> };
  return Object.keys(document.Outputs ?? {});
}

/**
 * A mocked DescribeStacks answer's Outputs, built from the committed template rather than by
 * hand: every output the template declares, with a recognisable value, `values` overriding some.
 * Naming an output the template does not have is an error, so a test cannot pass on a name the
 * real stack would never return.
 */
export function committedOutputs(
  stack: StackKey,
  values: Readonly<Record<string, string>> = {},
): Output[] {
  const keys = committedOutputKeys(stack);
  const unknown = Object.keys(values).filter((key) => !keys.includes(key));
  if (unknown.length > 0)
    throw new Error(`${STACK_TEMPLATE_FILES[stack]} has no output ${unknown.join(', ')}`);
  return keys.map((key) => ({ OutputKey: key, OutputValue: values[key] ?? `fake-${key}` }));
}
