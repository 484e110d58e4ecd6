import { describe, expect, it } from 'vitest';
import { findBroadenings, type ResourceSnapshot } from './broadening';
import { committedResources } from './committed-resources';
import { Unresolved } from './template-values';

/** A deep copy that keeps the Unresolved values (attributes, imports) as they are. */
function clone<T>(value: T): T {
  if (value instanceof Unresolved || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => clone(item)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)])) as T;
}

function modify(
  resourceType: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  extra: Partial<ResourceSnapshot> = {},
): ResourceSnapshot {
  return {
    action: 'Modify',
    resourceType,
    replacement: 'False',
    stateful: false,
    before,
    after,
    ...extra,
  };
}

describe('ingress', () => {
  const main = committedResources('main');
  const group = main['Ec2SecurityGroup'];
  if (!group) throw new Error('main-stack.yml has no Ec2SecurityGroup');

  it('marks the API rule opened from the VPC CIDR to the internet', () => {
    const after = clone(group.properties) as { SecurityGroupIngress: { CidrIp?: string }[] };
    expect(after.SecurityGroupIngress[1]?.CidrIp).toBe('10.0.0.0/16');
    (after.SecurityGroupIngress[1] as { CidrIp: string }).CidrIp = '0.0.0.0/0';
    expect(findBroadenings(modify(group.type, group.properties, after))).toEqual([
      {
        kind: 'ingress',
        path: 'SecurityGroupIngress[1]',
        label: 'widens ingress from anywhere',
        detail: 'tcp 3001 from 0.0.0.0/0',
      },
    ]);
  });

  it('marks the SSH rule SshCidr adds, and not a narrower CIDR or a removed rule', () => {
    const opened = committedResources('main', { SshCidr: '203.0.113.0/24' })['Ec2SecurityGroup'];
    expect(findBroadenings(modify(group.type, group.properties, opened?.properties ?? {}))).toEqual(
      [
        {
          kind: 'ingress',
          path: 'SecurityGroupIngress[2]',
          label: 'new ingress',
          detail: 'tcp 22 from 203.0.113.0/24',
        },
      ],
    );
    const narrower = clone(group.properties) as { SecurityGroupIngress: { CidrIp?: string }[] };
    (narrower.SecurityGroupIngress[1] as { CidrIp: string }).CidrIp = '10.0.1.0/24';
    expect(findBroadenings(modify(group.type, group.properties, narrower))).toEqual([]);
    // Closing SSH again narrows: nothing to confirm.
    expect(findBroadenings(modify(group.type, opened?.properties ?? {}, group.properties))).toEqual(
      [],
    );
  });

  it('marks the network ACL entry SshCidr adds to the public subnets', () => {
    const entry = committedResources('main', { SshCidr: '0.0.0.0/0' })['PublicAclInSsh'];
    if (!entry) throw new Error('main-stack.yml has no PublicAclInSsh');
    expect(
      findBroadenings({
        action: 'Add',
        resourceType: entry.type,
        replacement: undefined,
        stateful: false,
        before: undefined,
        after: entry.properties,
      }),
    ).toEqual([
      {
        kind: 'ingress',
        path: '',
        label: 'new ingress from anywhere',
        detail: 'tcp 22 from 0.0.0.0/0',
      },
    ]);
    // Outbound entries and denies admit nothing.
    const egress = committedResources('main')['PublicAclOutHttp'];
    expect(
      findBroadenings({
        ...modify(egress?.type ?? '', {}, egress?.properties ?? {}),
        action: 'Add',
        before: undefined,
      }),
    ).toEqual([]);
  });

  it('marks a wider port range and an IPv6 rule open to all', () => {
    const before = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' };
    expect(
      findBroadenings(
        modify('AWS::EC2::SecurityGroupIngress', before, { ...before, ToPort: 444 }),
      ).map((f) => f.label),
    ).toEqual(['widens ingress']);
    expect(
      findBroadenings({
        action: 'Add',
        resourceType: 'AWS::EC2::SecurityGroupIngress',
        replacement: undefined,
        stateful: false,
        before: undefined,
        after: { IpProtocol: '-1', CidrIpv6: '::/0' },
      }),
    ).toEqual([
      {
        kind: 'ingress',
        path: '',
        label: 'new ingress from anywhere',
        detail: 'all traffic from ::/0',
      },
    ]);
  });
});

describe('IAM and resource policies', () => {
  const role = committedResources('ec2')['InstanceRole'];
  if (!role) throw new Error('ec2-stack.yml has no InstanceRole');
  type Doc = { Statement: { Action: string | string[]; Resource?: unknown; Sid?: string }[] };
  const tables = (properties: Record<string, unknown>) =>
    ((properties['Policies'] as { PolicyDocument: Doc }[])[0] as { PolicyDocument: Doc })
      .PolicyDocument.Statement[0] as { Action: string | string[]; Resource?: unknown };

  it('marks an action added to the instance role, and * as a wildcard', () => {
    const after = clone(role.properties);
    (tables(after).Action as string[]).push('dynamodb:Scan');
    expect(findBroadenings(modify(role.type, role.properties, after))).toEqual([
      expect.objectContaining({
        kind: 'iam',
        path: 'Policies[0].PolicyDocument.Statement[0]',
        label: 'widens IAM permissions',
      }),
    ]);
    tables(after).Action = 'dynamodb:*';
    const [finding] = findBroadenings(modify(role.type, role.properties, after));
    expect(finding?.label).toBe('widens IAM permissions (wildcard)');
    expect(finding?.detail).toMatch(/^Allow dynamodb:\* on /);
  });

  it('does not mark an action taken away or a statement left as it was', () => {
    const after = clone(role.properties);
    tables(after).Action = (tables(after).Action as string[]).filter(
      (a) => a !== 'dynamodb:DeleteItem',
    );
    expect(findBroadenings(modify(role.type, role.properties, after))).toEqual([]);
    expect(findBroadenings(modify(role.type, role.properties, clone(role.properties)))).toEqual([]);
  });

  it('marks a wider trust policy and a managed policy attached', () => {
    const after = clone(role.properties) as Record<string, unknown>;
    (after['AssumeRolePolicyDocument'] as { Statement: { Principal: unknown }[] }).Statement[0] = {
      ...(after['AssumeRolePolicyDocument'] as { Statement: object[] }).Statement[0],
      Principal: { AWS: '*' },
    };
    after['ManagedPolicyArns'] = [
      ...((role.properties['ManagedPolicyArns'] as string[] | undefined) ?? []),
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ];
    expect(
      findBroadenings(modify(role.type, role.properties, after)).map((f) => [f.path, f.label]),
    ).toEqual([
      ['AssumeRolePolicyDocument.Statement[0]', 'widens who may assume the role (wildcard)'],
      [
        `ManagedPolicyArns[${(after['ManagedPolicyArns'] as string[]).length - 1}]`,
        'attaches a managed policy',
      ],
    ]);
  });

  it('marks the TLS-only Deny removed from the website bucket policy', () => {
    const policy = committedResources('main')['WebsiteBucketPolicy'];
    if (!policy) throw new Error('main-stack.yml has no WebsiteBucketPolicy');
    const after = clone(policy.properties) as { PolicyDocument: { Statement: unknown[] } };
    after.PolicyDocument.Statement.shift();
    const findings = findBroadenings(modify(policy.type, policy.properties, after));
    expect(findings.map((f) => [f.path, f.label])).toEqual([
      ['PolicyDocument.Statement[0]', 'removes a Deny from bucket policy'],
    ]);
    expect(findings[0]?.detail).toMatch(/^Deny s3:\* on .* for AWS:\* \(with conditions\)$/);
  });

  it('marks the CloudFront read opened to everyone', () => {
    const policy = committedResources('main')['WebsiteBucketPolicy'];
    if (!policy) throw new Error('main-stack.yml has no WebsiteBucketPolicy');
    const after = clone(policy.properties) as {
      PolicyDocument: { Statement: Record<string, unknown>[] };
    };
    const read = after.PolicyDocument.Statement[1] as Record<string, unknown>;
    read['Principal'] = '*';
    delete read['Condition'];
    expect(findBroadenings(modify(policy.type, policy.properties, after))).toEqual([
      expect.objectContaining({
        path: 'PolicyDocument.Statement[1]',
        label: 'widens bucket policy (wildcard)',
      }),
    ]);
  });
});

describe('public access and data', () => {
  it('marks a public access block flag turned off', () => {
    const bucket = committedResources('main')['WebsiteBucket'];
    if (!bucket) throw new Error('main-stack.yml has no WebsiteBucket');
    const after = clone(bucket.properties) as {
      PublicAccessBlockConfiguration: Record<string, unknown>;
    };
    after.PublicAccessBlockConfiguration['BlockPublicPolicy'] = false;
    expect(findBroadenings(modify(bucket.type, bucket.properties, after))).toEqual([
      {
        kind: 'public-access',
        path: 'PublicAccessBlockConfiguration.BlockPublicPolicy',
        label: 'loosens public access',
        detail: 'BlockPublicPolicy turned off',
      },
    ]);
  });

  it('marks a table replaced or removed, and says when the template retains it', () => {
    const table = committedResources('database')['ProductsTable'];
    if (!table) throw new Error('database-simple.yml has no ProductsTable');
    const replaced = findBroadenings(
      modify(table.type, table.properties, table.properties, {
        replacement: 'True',
        stateful: true,
        retained: table.deletionPolicy === 'Retain',
      }),
    );
    expect(replaced).toEqual([
      {
        kind: 'data-loss',
        path: '',
        label: 'data at risk: replaced',
        detail: 'AWS::DynamoDB::Table replaced; DeletionPolicy Retain keeps the old one, orphaned',
      },
    ]);
    expect(
      findBroadenings({
        ...modify(table.type, table.properties, table.properties),
        action: 'Remove',
        stateful: true,
      }),
    ).toEqual([expect.objectContaining({ label: 'data at risk: removed' })]);
    // A modification in place keeps the data.
    expect(
      findBroadenings(modify(table.type, table.properties, table.properties, { stateful: true })),
    ).toEqual([]);
  });
});
