import { resourceName, type Environment } from '@mini-ecommerce/stack-model';

/** The four stacks in dependency order: later stacks import exports of earlier ones. */
export const STACK_IDS = ['main', 'database', 'ec2', 'monitoring'] as const;
export type StackId = (typeof STACK_IDS)[number];

/** Template file of each stack, relative to infrastructure/ (names from the architecture document). */
export const TEMPLATE_FILES: Readonly<Record<StackId, string>> = {
  main: 'main-stack.yml',
  database: 'database-simple.yml',
  ec2: 'ec2-stack.yml',
  monitoring: 'monitoring-stack.yml',
};

export function isStackId(value: string): value is StackId {
  return (STACK_IDS as readonly string[]).includes(value);
}

export function stackName(env: Environment, id: StackId): string {
  return resourceName(env, id);
}
