import { STACK_PARAMETERS } from '@mini-ecommerce/stack-model';
import { isStatefulType, type PlannedChange } from '../change-set';
import { printChangeSet } from '../change-set-table';
import type { DeployContext } from '../context';
import type { StackDependencies } from '../stack-inputs';
import { STACK_IDS } from '../stacks';
import type { StackTemplate } from '../template';
import { explicitNames, findCollisions, type Collision } from './collisions';
import { reviewLines } from './render';
import { buildReview } from './review';
import {
  KnownAfter,
  evaluateResources,
  parseTemplateDocument,
  type EvaluatedResource,
} from './template-values';

/** The local template of a stack about to be created, evaluated as CloudFormation would now. */
export function evaluateNewStack(
  ctx: DeployContext,
  stackName: string,
  template: StackTemplate,
  parameters: Readonly<Record<string, string>>,
  dependencies: StackDependencies,
): Record<string, EvaluatedResource> {
  return evaluateResources(parseTemplateDocument(template.body), {
    parameters: { [STACK_PARAMETERS.environment]: ctx.env, ...parameters },
    account: ctx.account,
    region: ctx.region,
    stackName,
    importValue: dependencies.importValue,
  });
}

/** The names of the resources a create would make that something else already holds. */
export async function newStackCollisions(
  ctx: DeployContext,
  resources: Readonly<Record<string, EvaluatedResource>>,
): Promise<Collision[]> {
  return findCollisions(ctx, explicitNames(resources));
}

/** The top-level properties of a resource that hold a value known only after another stack. */
function knownAfter(value: unknown, found: Set<string>): void {
  if (value instanceof KnownAfter) found.add(value.stack);
  else if (Array.isArray(value)) value.forEach((item) => knownAfter(item, found));
  else if (typeof value === 'object' && value !== null)
    Object.values(value).forEach((item) => knownAfter(item, found));
}

/**
 * The plan of a stack whose change set cannot be computed yet because the stacks it imports from
 * are not deployed (a new environment): every resource of the local template as an addition,
 * with its explicit name, what widens security, and which values are known only after an
 * earlier stack of this run.
 */
export function printNewStackPlan(
  ctx: DeployContext,
  stackName: string,
  resources: Readonly<Record<string, EvaluatedResource>>,
  dependencies: StackDependencies,
): void {
  const { reporter } = ctx;
  const names = new Map(explicitNames(resources).map((named) => [named.logicalId, named.name]));
  const changes: PlannedChange[] = Object.entries(resources).map(([logicalId, resource]) => ({
    action: 'Add',
    logicalId,
    resourceType: resource.type,
    physicalId: names.get(logicalId),
    replacement: undefined,
    stateful: isStatefulType(resource.type),
    propertyChanges: [],
    beforeProperties: undefined,
    afterProperties: resource.properties,
  }));
  reporter.line(
    `  not deployed; planned from the local template, since the change set needs ${STACK_IDS.filter((id) => dependencies.pending.has(id)).join(', ')} deployed first`,
  );
  printChangeSet(reporter, stackName, changes);
  const review = {
    ...buildReview(stackName, changes, undefined, []),
    source: 'local template' as const,
  };
  for (const line of reviewLines(review, (style, text) => reporter.style(style, text)))
    reporter.line(`  ${line}`);
  const byStack = new Map<string, string[]>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    for (const [property, value] of Object.entries(resource.properties)) {
      const stacks = new Set<string>();
      knownAfter(value, stacks);
      for (const stack of stacks)
        byStack.set(stack, [...(byStack.get(stack) ?? []), `${logicalId}.${property}`]);
    }
  }
  for (const [parameter, stack] of Object.entries(dependencies.pendingInputs))
    byStack.set(stack, [...(byStack.get(stack) ?? []), `parameter ${parameter}`]);
  for (const [stack, values] of byStack)
    reporter.line(`  known after ${stack}: ${values.join(', ')}`);
}
