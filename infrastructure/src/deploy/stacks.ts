import {
  BOOTSTRAP_STACK_KEY,
  BOOTSTRAP_TEMPLATE_FILE,
  resourceName,
  type Environment,
} from '@mini-ecommerce/stack-model';

/** The four stacks in dependency order: later stacks import exports of earlier ones. */
export const STACK_IDS = ['main', 'database', 'ec2', 'monitoring'] as const;
/**
 * The bootstrap stack (the CloudFormation service role): deployed only by `nx run
 * infra:bootstrap`, deliberately not in STACK_IDS, so infra:deploy, diff and destroy never touch
 * the role the other stacks are deployed with.
 */
export const BOOTSTRAP_STACK_ID = BOOTSTRAP_STACK_KEY;
export type StackId = (typeof STACK_IDS)[number] | typeof BOOTSTRAP_STACK_ID;

/** Template file of each stack, relative to infrastructure/ (names from the architecture document). */
export const TEMPLATE_FILES: Readonly<Record<StackId, string>> = {
  main: 'main-stack.yml',
  database: 'database-simple.yml',
  ec2: 'ec2-stack.yml',
  monitoring: 'monitoring-stack.yml',
  bootstrap: BOOTSTRAP_TEMPLATE_FILE,
};

export function isStackId(value: string): value is StackId {
  return (STACK_IDS as readonly string[]).includes(value);
}

export function stackName(env: Environment, id: StackId): string {
  return resourceName(env, id);
}
