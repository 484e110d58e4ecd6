import type { Finding, ResourceSnapshot } from './finding';
import { isObject, list, text } from './property-values';
import { Unresolved } from './template-values';

interface Statement {
  readonly path: string;
  /** Statements of a trust policy are only compared with trust statements. */
  readonly document: 'trust' | 'permissions';
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly string[];
  readonly notPrincipals: readonly string[];
  readonly condition: string;
}

function principals(value: unknown): string[] {
  if (value === undefined) return [];
  if (!isObject(value)) return list(value).map((item) => `AWS:${text(item)}`);
  return Object.entries(value).flatMap(([kind, items]) =>
    list(items).map((item) => `${kind}:${text(item)}`),
  );
}

function statementsOf(document: unknown, path: string, kind: Statement['document']): Statement[] {
  if (!isObject(document)) return [];
  return list(document['Statement']).flatMap((statement, index) => {
    if (!isObject(statement)) return [];
    return [
      {
        path: `${path}.Statement[${index}]`,
        document: kind,
        effect: text(statement['Effect']),
        actions: list(statement['Action']).map(text),
        notActions: list(statement['NotAction']).map(text),
        resources: list(statement['Resource']).map(text),
        notResources: list(statement['NotResource']).map(text),
        principals: principals(statement['Principal']),
        notPrincipals: principals(statement['NotPrincipal']),
        condition: JSON.stringify(statement['Condition'] ?? null, (_, item: unknown) =>
          item instanceof Unresolved ? item.text : item,
        ),
      },
    ];
  });
}

const POLICY_DOCUMENTS: Readonly<Record<string, string>> = {
  'AWS::IAM::Policy': 'PolicyDocument',
  'AWS::IAM::ManagedPolicy': 'PolicyDocument',
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
};

const POLICY_LABELS: Readonly<Record<string, string>> = {
  'AWS::S3::BucketPolicy': 'bucket policy',
  'AWS::SNS::TopicPolicy': 'topic policy',
  'AWS::SQS::QueuePolicy': 'queue policy',
  'AWS::KMS::Key': 'key policy',
};

function policyStatements(
  resourceType: string,
  properties: Record<string, unknown> | undefined,
): Statement[] {
  if (!properties) return [];
  const documentKey = POLICY_DOCUMENTS[resourceType];
  if (documentKey) return statementsOf(properties[documentKey], documentKey, 'permissions');
  if (!['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(resourceType)) return [];
  return [
    ...statementsOf(properties['AssumeRolePolicyDocument'], 'AssumeRolePolicyDocument', 'trust'),
    ...list(properties['Policies']).flatMap((policy, index) =>
      isObject(policy)
        ? statementsOf(policy['PolicyDocument'], `Policies[${index}].PolicyDocument`, 'permissions')
        : [],
    ),
  ];
}

/** IAM's wildcards: `*` any run of characters, `?` one; action names ignore case. */
function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(value);
}

const allCovered = (wide: readonly string[], narrow: readonly string[]) =>
  narrow.every((item) => wide.some((pattern) => globMatches(pattern, item)));

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

function statementCovers(wide: Statement, narrow: Statement): boolean {
  if (wide.effect !== 'Allow' || wide.document !== narrow.document) return false;
  // Negations are only compared as they stand: a change to one is a change to review.
  if (
    !sameSet(wide.notActions, narrow.notActions) ||
    !sameSet(wide.notResources, narrow.notResources) ||
    !sameSet(wide.notPrincipals, narrow.notPrincipals)
  )
    return false;
  return (
    allCovered(wide.actions, narrow.actions) &&
    allCovered(wide.resources, narrow.resources) &&
    allCovered(wide.principals, narrow.principals) &&
    (wide.condition === 'null' || wide.condition === narrow.condition)
  );
}

function sameStatement(a: Statement, b: Statement): boolean {
  return (
    a.effect === b.effect &&
    a.document === b.document &&
    sameSet(a.actions, b.actions) &&
    sameSet(a.notActions, b.notActions) &&
    sameSet(a.resources, b.resources) &&
    sameSet(a.notResources, b.notResources) &&
    sameSet(a.principals, b.principals) &&
    sameSet(a.notPrincipals, b.notPrincipals) &&
    a.condition === b.condition
  );
}

function describeStatement(statement: Statement): string {
  const actions =
    statement.actions.length > 0 ? statement.actions : statement.notActions.map((a) => `not ${a}`);
  const resources =
    statement.resources.length > 0
      ? statement.resources
      : statement.notResources.map((r) => `not ${r}`);
  const who = statement.principals.length > 0 ? ` for ${statement.principals.join(', ')}` : '';
  return `${statement.effect} ${actions.join(', ')}${resources.length > 0 ? ` on ${resources.join(', ')}` : ''}${who}${
    statement.condition !== 'null' ? ' (with conditions)' : ''
  }`;
}

const hasWildcard = (statement: Statement) =>
  [...statement.actions, ...statement.resources, ...statement.principals].some(
    (item) => item === '*' || item.endsWith(':*'),
  );

/**
 * An Allow statement after the change that no statement before it grants (added, or given more
 * actions, resources or principals, a `*`, or fewer conditions), a Deny statement that is gone,
 * and a managed policy newly attached.
 */
export function policies(resource: ResourceSnapshot): Finding[] {
  const before = policyStatements(resource.resourceType, resource.before);
  const after = policyStatements(resource.resourceType, resource.after);
  const noun = POLICY_LABELS[resource.resourceType] ?? 'IAM permissions';
  const trustNoun = 'who may assume the role';
  const beforePaths = new Set(before.map((statement) => statement.path));
  const findings: Finding[] = [];
  for (const statement of after) {
    if (statement.effect !== 'Allow') continue;
    if (before.some((old) => statementCovers(old, statement))) continue;
    const changed = resource.action !== 'Add' && beforePaths.has(statement.path);
    const what = statement.document === 'trust' ? trustNoun : noun;
    findings.push({
      kind: 'iam',
      path: statement.path,
      label: `${changed ? 'widens' : 'adds to'} ${what}${hasWildcard(statement) ? ' (wildcard)' : ''}`,
      detail: describeStatement(statement),
    });
  }
  for (const statement of before) {
    if (statement.effect !== 'Deny') continue;
    if (after.some((current) => sameStatement(current, statement))) continue;
    findings.push({
      kind: 'iam',
      path: statement.path,
      label: `removes a Deny from ${statement.document === 'trust' ? trustNoun : noun}`,
      detail: describeStatement(statement),
    });
  }
  if (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(resource.resourceType)) {
    const old = list(resource.before?.['ManagedPolicyArns']).map(text);
    list(resource.after?.['ManagedPolicyArns'])
      .map(text)
      .forEach((arn, index) => {
        if (old.includes(arn)) return;
        findings.push({
          kind: 'iam',
          path: `ManagedPolicyArns[${index}]`,
          label: 'attaches a managed policy',
          detail: arn,
        });
      });
  }
  return findings;
}
