import {
  BOOTSTRAP_STACK_KEY,
  BOOTSTRAP_TEMPLATE_FILE,
  STACK_TEMPLATE_FILES,
  type AnyStackKey,
} from '@mini-ecommerce/stack-model';
import type { TemplateDocument } from './model/template';
import { bootstrapStack } from './stacks/bootstrap-stack';
import { databaseStack } from './stacks/database-stack';
import { ec2Stack } from './stacks/ec2-stack';
import { mainStack } from './stacks/main-stack';
import { monitoringStack } from './stacks/monitoring-stack';

export interface StackDefinition {
  readonly key: AnyStackKey;
  /** File name under infrastructure/. */
  readonly file: string;
  /** The TypeScript module that builds it, named in the generated file's header. */
  readonly source: string;
  readonly build: () => TemplateDocument;
}

export const STACKS: readonly StackDefinition[] = [
  {
    key: 'main',
    file: STACK_TEMPLATE_FILES.main,
    source: 'infrastructure/src/stacks/main-stack.ts',
    build: mainStack,
  },
  {
    key: 'database',
    file: STACK_TEMPLATE_FILES.database,
    source: 'infrastructure/src/stacks/database-stack.ts',
    build: databaseStack,
  },
  {
    key: 'ec2',
    file: STACK_TEMPLATE_FILES.ec2,
    source: 'infrastructure/src/stacks/ec2-stack.ts',
    build: ec2Stack,
  },
  {
    key: 'monitoring',
    file: STACK_TEMPLATE_FILES.monitoring,
    source: 'infrastructure/src/stacks/monitoring-stack.ts',
    build: monitoringStack,
  },
  // Not one of the four: nx run infra:bootstrap deploys it, infra:deploy only reads its output.
  {
    key: BOOTSTRAP_STACK_KEY,
    file: BOOTSTRAP_TEMPLATE_FILE,
    source: 'infrastructure/src/stacks/bootstrap-stack.ts',
    build: bootstrapStack,
  },
];
