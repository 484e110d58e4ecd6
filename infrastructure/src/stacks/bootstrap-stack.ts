import { PROJECT_NAME } from '@mini-ecommerce/stack-model';
import { AWS_ACCOUNT_ID } from '../model/intrinsics';
import type { TemplateDocument } from '../model/template';
import type { JsonValue } from '../model/values';
import { envName, envSub, stackOutput, stackTemplate } from './common';
import { assumableBy } from './shared-policies';
import { SERVICE_ROLE_POLICIES, type PermissionGroup } from './bootstrap/service-role-policy';

/**
 * The service role lives under its own IAM path, outside `role/mini-ecommerce-<env>-*`, the
 * names the role itself may manage: no stack can change the role it is deployed with.
 */
export const SERVICE_ROLE_PATH = `/${PROJECT_NAME}-bootstrap/`;

/** Every `${...}` string becomes an Fn::Sub; the rest stays plain JSON. */
function substituted(value: unknown): JsonValue {
  if (typeof value === 'string') return envSub(value);
  if (Array.isArray(value)) return value.map(substituted);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
  return value as JsonValue;
}

function policyStatement(group: PermissionGroup): JsonValue {
  return substituted({
    Sid: group.sid,
    Effect: 'Allow',
    Action: group.actions,
    Resource: group.resources.length === 1 ? group.resources[0] : group.resources,
    ...(group.condition ? { Condition: group.condition } : {}),
  });
}

/**
 * bootstrap-stack.yml (`nx run infra:bootstrap --env <env>`, like `cdk bootstrap`): the
 * CloudFormation service role the four stacks are deployed with, trusted by CloudFormation only,
 * allowed exactly what their resources need (bootstrap/service-role-policy.ts). Deployed with the
 * caller's own rights, once per environment, before the first `infra:deploy`.
 */
export function bootstrapStack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce bootstrap: the CloudFormation service role the main, database, ec2 and monitoring stacks are deployed with.',
  );
  const role = template.resource(
    'CloudFormationServiceRole',
    'AWS::IAM::Role',
    {
      RoleName: envName('cloudformation'),
      Path: SERVICE_ROLE_PATH,
      Description: `CloudFormation creates, updates and deletes the ${PROJECT_NAME} stacks' resources with this role (passed as RoleARN by the deploy commands).`,
      // CloudFormation does not document setting aws:SourceAccount when it assumes a stack's
      // service role: IfExists binds the role to this account whenever the key is present
      // without making the role unusable when it is not. iam:PassRole (never across
      // accounts) is what decides who may hand the role to CloudFormation.
      AssumeRolePolicyDocument: assumableBy('cloudformation.amazonaws.com', {
        StringEqualsIfExists: { 'aws:SourceAccount': AWS_ACCOUNT_ID },
      }),
    },
    {
      notes: [
        'Its permissions are customer-managed policies, one per group of services, each under the 6,144-character policy limit (inline policies share one 10,240-character limit per role).',
      ],
    },
  );
  for (const policy of SERVICE_ROLE_POLICIES) {
    template.resource(
      `ServiceRole${policy.name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Policy`,
      'AWS::IAM::ManagedPolicy',
      {
        ManagedPolicyName: envName(`cloudformation-${policy.name}`),
        Path: SERVICE_ROLE_PATH,
        Description: policy.description,
        Roles: [role.ref()],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: policy.groups.map(policyStatement),
        },
      },
    );
  }
  stackOutput(template, 'cloudFormationServiceRoleArn', {
    Description:
      "The role the deploy commands pass to CloudFormation as RoleARN for this environment's four stacks",
    Value: role.getAtt('Arn'),
  });
  return template.build();
}
