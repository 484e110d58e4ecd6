import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BOOTSTRAP_TEMPLATE_FILE,
  STACK_KEYS,
  STACK_TEMPLATE_FILES,
  resourceName,
} from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SERVICE_ROLE_POLICIES, type PermissionGroup } from './service-role-policy';

/**
 * The service role of the bootstrap stack against the committed templates (issue 16 item 7):
 * everything the four stacks declare is covered, nothing else is, and what is granted is no
 * broader than the environment's own names unless the table says why it cannot be.
 */
const infrastructure = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const yaml = (file: string) =>
  parse(readFileSync(path.join(infrastructure, file), 'utf8')) as {
    Parameters?: Record<string, { Type: string }>;
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
const bootstrap = yaml(BOOTSTRAP_TEMPLATE_FILE);
const groups: readonly PermissionGroup[] = SERVICE_ROLE_POLICIES.flatMap((policy) => policy.groups);

/** Resource types of the four stacks, and the SSM parameter types CloudFormation resolves. */
function typesInTemplates(): Set<string> {
  const types = new Set<string>();
  for (const key of STACK_KEYS) {
    const template = yaml(STACK_TEMPLATE_FILES[key]);
    for (const resource of Object.values(template.Resources)) types.add(resource.Type);
    for (const parameter of Object.values(template.Parameters ?? {}))
      if (parameter.Type.startsWith('AWS::SSM::Parameter::Value<')) types.add(parameter.Type);
  }
  return types;
}

/** What CloudFormation makes of the committed policy for one environment and account. */
function resolve(value: unknown, env: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, env));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === 'Fn::Sub')
      return (entries[0][1] as string)
        .replace(/\$\{Environment\}/g, env)
        .replace(/\$\{AWS::Partition\}/g, 'aws')
        .replace(/\$\{AWS::Region\}/g, 'eu-west-1')
        .replace(/\$\{AWS::AccountId\}/g, '123456789012');
    if (entries.length === 1 && entries[0]?.[0] === 'Ref') return '123456789012';
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v, env)]));
  }
  return value;
}

/** IAM ARN pattern matching: `*` any run of characters, `?` one. */
const matches = (pattern: string, arn: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(arn);

const policies = Object.entries(bootstrap.Resources).filter(
  ([, resource]) => resource.Type === 'AWS::IAM::ManagedPolicy',
);

describe('the CloudFormation service role', () => {
  it('covers every resource type the four committed templates declare, and no other', () => {
    const needed = typesInTemplates();
    const covered = new Set(groups.flatMap((group) => group.types));
    expect([...needed].filter((type) => !covered.has(type)).sort()).toEqual([]);
    expect([...covered].filter((type) => !needed.has(type)).sort()).toEqual([]);
  });

  it('grants no wildcard action and names its reason wherever a resource is not the environment’s', () => {
    for (const group of groups) {
      for (const action of group.actions)
        expect(action, group.sid).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      expect(new Set(group.actions).size, `${group.sid} lists an action twice`).toBe(
        group.actions.length,
      );
      const unscoped = group.resources.filter(
        (resource) =>
          !resource.includes('mini-ecommerce-${Environment}-') &&
          !resource.includes('/mini-ecommerce/${Environment}'),
      );
      if (unscoped.length > 0)
        expect(
          group.unscopedBecause?.length ?? 0,
          `${group.sid}: ${unscoped.join(', ')}`,
        ).toBeGreaterThan(20);
      else expect(group.unscopedBecause, `${group.sid} is scoped: drop its reason`).toBeUndefined();
    }
    expect(new Set(groups.map((g) => g.sid)).size).toBe(groups.length);
  });

  it('lets only CloudFormation assume it', () => {
    const role = bootstrap.Resources['CloudFormationServiceRole']?.Properties as {
      AssumeRolePolicyDocument: { Statement: Record<string, unknown>[] };
    };
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudformation.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEqualsIfExists: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
  });

  it('commits the table as it is, one managed policy per group of services, attached to the role', () => {
    expect(
      policies.map(([, policy]) => resolve(policy.Properties['ManagedPolicyName'], 'dev')),
    ).toEqual(
      SERVICE_ROLE_POLICIES.map((policy) => resourceName('dev', `cloudformation-${policy.name}`)),
    );
    for (const [id, policy] of policies) {
      expect(policy.Properties['Roles'], id).toEqual([{ Ref: 'CloudFormationServiceRole' }]);
      const document = resolve(policy.Properties['PolicyDocument'], 'dev') as {
        Statement: { Sid: string; Action: string[] }[];
      };
      for (const statement of document.Statement) {
        const group = groups.find((g) => g.sid === statement.Sid);
        expect(statement.Action, id).toEqual(group?.actions);
      }
    }
    expect(
      policies.flatMap(
        ([, p]) => (p.Properties['PolicyDocument'] as { Statement: unknown[] }).Statement,
      ),
    ).toHaveLength(groups.length);
  });

  it('keeps each policy under the 6,144-character IAM limit and the role under 10 managed policies', () => {
    expect(policies.length).toBeLessThanOrEqual(10);
    for (const [id, policy] of policies) {
      // IAM counts the characters of the policy without whitespace; the longest environment name.
      const text = JSON.stringify(resolve(policy.Properties['PolicyDocument'], 'staging'));
      expect(text.length, id).toBeLessThan(6_144);
    }
  });

  it("cannot change its own role or policies, nor touch another environment's names", () => {
    const own = [
      'arn:aws:iam::123456789012:role/mini-ecommerce-bootstrap/mini-ecommerce-dev-cloudformation',
      'arn:aws:iam::123456789012:policy/mini-ecommerce-bootstrap/mini-ecommerce-dev-cloudformation-network',
    ];
    const other = [
      'arn:aws:s3:::mini-ecommerce-prod-images-123456789012',
      'arn:aws:dynamodb:eu-west-1:123456789012:table/mini-ecommerce-prod-orders',
      'arn:aws:iam::123456789012:role/mini-ecommerce-prod-api-instance',
    ];
    // Each resource pattern with the services whose actions it is granted for.
    const granted = policies.flatMap(([, policy]) =>
      (
        resolve(policy.Properties['PolicyDocument'], 'dev') as {
          Statement: { Action: string[]; Resource: string | string[] }[];
        }
      ).Statement.flatMap((statement) =>
        (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(
          (pattern) => ({ pattern, services: statement.Action.map((a) => a.split(':')[0]) }),
        ),
      ),
    );
    const reaching = (arn: string) =>
      granted
        .filter(
          ({ pattern, services }) =>
            services.includes(arn.split(':')[2] ?? '') && matches(pattern, arn),
        )
        .map(({ pattern }) => pattern);
    for (const arn of [...own, ...other]) expect(reaching(arn), arn).toEqual([]);
    expect(reaching('arn:aws:s3:::mini-ecommerce-dev-images-123456789012')).not.toEqual([]);
    expect(reaching('arn:aws:iam::123456789012:role/mini-ecommerce-dev-api-instance')).not.toEqual(
      [],
    );
  });
});
