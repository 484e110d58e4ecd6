import type { Parameter } from '@aws-sdk/client-cloudformation';
import { isStatefulType, type PlannedChange } from '../change-set';
import { findBroadenings, type Finding, type ResourceSnapshot } from './broadening';
import { diffProperties, type PropertyChange } from './property-diff';
import {
  effectiveParameters,
  evaluateResources,
  isObject,
  type EvaluatedResource,
  type EvaluationInputs,
  type TemplateDocument,
} from './template-values';

export interface ResourceReview extends ResourceSnapshot {
  readonly logicalId: string;
  readonly propertyChanges: readonly PropertyChange[];
  readonly findings: readonly Finding[];
}

export interface ParameterChange {
  readonly name: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  /** NoEcho: the value is never shown. */
  readonly secret: boolean;
}

/** A change set as an operator reviews it: what changes, from what to what, and what to check. */
export interface ChangeSetReview {
  readonly stackName: string;
  readonly resources: readonly ResourceReview[];
  readonly parameters: readonly ParameterChange[];
  /** Where the property values come from: the change set, or the deployed and local templates. */
  readonly source: 'change set' | 'templates' | 'local template';
  /** The change set's changes, and those only the templates show (a change set without values). */
  readonly planned: readonly PlannedChange[];
}

/** What is known about the stack as deployed and as it will be, for the template fallback. */
export interface TemplateSides {
  readonly deployed: TemplateDocument | undefined;
  readonly local: TemplateDocument;
  readonly deployedParameters: Readonly<Record<string, string>>;
  readonly newParameters: Readonly<Record<string, string>>;
  readonly inputs: Omit<EvaluationInputs, 'parameters'>;
}

/**
 * The parameter values of a change set: explicit values, the deployed value where it says
 * UsePreviousValue.
 */
export function changeSetParameters(
  parameters: readonly Parameter[],
  deployed: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of parameters) {
    const key = parameter.ParameterKey ?? '';
    const value = parameter.UsePreviousValue ? deployed[key] : parameter.ParameterValue;
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Parameters whose value changes; a NoEcho parameter is listed but never shown. */
export function parameterChanges(
  local: TemplateDocument,
  deployed: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>>,
): ParameterChange[] {
  const after = effectiveParameters(local, next);
  const names = [...new Set([...Object.keys(deployed), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    const secret = String(local.Parameters?.[name]?.NoEcho ?? '') === 'true';
    // CloudFormation answers a NoEcho value as asterisks: a change cannot be seen, only asserted.
    if (secret && deployed[name] === '****' && after[name] !== undefined) return [];
    if (deployed[name] === after[name]) return [];
    return [{ name, before: deployed[name], after: after[name], secret }];
  });
}

/** Rebuilds the changed part of a property tree from property paths, for a change set that has no contexts. */
export function treeFromChanges(
  changes: readonly PropertyChange[],
  side: 'before' | 'after',
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const change of changes) {
    const value = change[side];
    if (value === undefined) continue;
    const keys = [...change.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
      match[2] !== undefined ? Number(match[2]) : String(match[1]),
    );
    let node: Record<string | number, unknown> = root;
    keys.forEach((key, index) => {
      if (index === keys.length - 1) {
        node[key] = value;
        return;
      }
      const nextIsIndex = typeof keys[index + 1] === 'number';
      if (!isObject(node[key]) && !Array.isArray(node[key])) node[key] = nextIsIndex ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    });
  }
  return root;
}

/**
 * Puts together what CloudFormation said about each resource with the templates: property values
 * from the change set when it has them, from the evaluated deployed and local templates when not
 * (`sides`, when they could be read), and the findings of each resource.
 */
export function buildReview(
  stackName: string,
  changes: readonly PlannedChange[],
  sides: TemplateSides | undefined,
  parameters: readonly ParameterChange[],
): ChangeSetReview {
  let before: Record<string, EvaluatedResource> = {};
  let after: Record<string, EvaluatedResource> = {};
  if (sides) {
    after = evaluateResources(sides.local, { ...sides.inputs, parameters: sides.newParameters });
    if (sides.deployed)
      before = evaluateResources(sides.deployed, {
        ...sides.inputs,
        parameters: sides.deployedParameters,
      });
  }
  let fromTemplates = false;
  const planned = [
    ...changes,
    ...templateOnlyChanges(changes, sides?.deployed ? before : undefined, after),
  ];
  const resources = planned.map((change): ResourceReview => {
    const hasValues =
      change.propertyChanges.length > 0 ||
      change.beforeProperties !== undefined ||
      change.afterProperties !== undefined;
    const local = sides?.local.Resources?.[change.logicalId];
    const retained =
      local?.DeletionPolicy === 'Retain' ||
      (local as { UpdateReplacePolicy?: string } | undefined)?.UpdateReplacePolicy === 'Retain' ||
      before[change.logicalId]?.deletionPolicy === 'Retain';
    let beforeProperties = change.beforeProperties;
    let afterProperties = change.afterProperties;
    let propertyChanges = change.propertyChanges;
    if (!hasValues) {
      beforeProperties = change.action === 'Add' ? undefined : before[change.logicalId]?.properties;
      afterProperties =
        change.action === 'Remove' ? undefined : after[change.logicalId]?.properties;
      if (change.action === 'Modify' && beforeProperties && afterProperties) {
        propertyChanges = diffProperties(beforeProperties, afterProperties);
        fromTemplates = true;
      }
    } else if (propertyChanges.length > 0 && !beforeProperties && !afterProperties) {
      beforeProperties = treeFromChanges(propertyChanges, 'before');
      afterProperties = treeFromChanges(propertyChanges, 'after');
    } else if (propertyChanges.length === 0 && beforeProperties && afterProperties) {
      propertyChanges = diffProperties(beforeProperties, afterProperties);
    }
    const snapshot: ResourceSnapshot = {
      action: change.action,
      resourceType: change.resourceType,
      replacement: change.replacement,
      stateful: change.stateful,
      before: beforeProperties,
      after: afterProperties,
      retained,
    };
    return {
      ...snapshot,
      logicalId: change.logicalId,
      propertyChanges,
      findings: findBroadenings(snapshot),
    };
  });
  return {
    stackName,
    resources,
    parameters,
    source: fromTemplates ? 'templates' : 'change set',
    planned,
  };
}

/**
 * A change set that carries no property values at all comes from an emulator or an old API,
 * which may also leave out what a parameter change does to a resource (moto lists nothing for a
 * condition a parameter turns on). There the evaluated templates are the better witness: every
 * resource they show added, removed or different that the change set does not list is added.
 */
function templateOnlyChanges(
  changes: readonly PlannedChange[],
  before: Readonly<Record<string, EvaluatedResource>> | undefined,
  after: Readonly<Record<string, EvaluatedResource>>,
): PlannedChange[] {
  if (!before || !needsTemplates(changes) || changes.some((change) => !lacksValues(change)))
    return [];
  const listed = new Set(changes.map((change) => change.logicalId));
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids.flatMap((logicalId): PlannedChange[] => {
    if (listed.has(logicalId)) return [];
    const old = before[logicalId];
    const current = after[logicalId];
    const action = !old ? 'Add' : !current ? 'Remove' : 'Modify';
    if (old && current && diffProperties(old.properties, current.properties).length === 0)
      return [];
    const resourceType = (current ?? old)?.type ?? 'unknown';
    return [
      {
        action,
        logicalId,
        resourceType,
        physicalId: undefined,
        replacement: undefined,
        stateful: isStatefulType(resourceType),
        propertyChanges: [],
        beforeProperties: undefined,
        afterProperties: undefined,
      },
    ];
  });
}

function lacksValues(change: PlannedChange): boolean {
  return (
    change.propertyChanges.length === 0 &&
    change.beforeProperties === undefined &&
    change.afterProperties === undefined
  );
}

/** Every finding of a review, with the resource it is about. */
export function reviewFindings(review: ChangeSetReview): { logicalId: string; finding: Finding }[] {
  return review.resources.flatMap((resource) =>
    resource.findings.map((finding) => ({ logicalId: resource.logicalId, finding })),
  );
}

/** Whether a change set needs the templates to say what changes (no property values in it). */
export function needsTemplates(changes: readonly PlannedChange[]): boolean {
  return changes.length === 0 || changes.some(lacksValues);
}
