import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HEALTH_READY_PATH,
  STACK_KEYS,
  STACK_TEMPLATE_FILES,
  type StackKey,
} from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * What a real account would have hit on the first deploy (issue "A deploy that works the first
 * time"), checked on the committed templates.
 */
type Resource = { Type: string; Properties: Record<string, unknown>; Condition?: string };
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resources = (stack: StackKey) =>
  (
    parse(readFileSync(path.join(dir, STACK_TEMPLATE_FILES[stack]), 'utf8')) as {
      Resources: Record<string, Resource>;
    }
  ).Resources;
const ofType = (stack: StackKey, type: string) =>
  Object.entries(resources(stack)).filter(([, resource]) => resource.Type === type);

describe('a first deploy in a real account', () => {
  it('gives instances in the public subnets a public address to reach dnf, npm, SSM and CloudFormation', () => {
    const subnets = Object.fromEntries(ofType('main', 'AWS::EC2::Subnet'));
    expect(subnets['PublicSubnet']?.Properties['MapPublicIpOnLaunch']).toBe(true);
    expect(subnets['PublicSubnet2']?.Properties['MapPublicIpOnLaunch']).toBe(true);
    expect(subnets['PrivateSubnet']?.Properties['MapPublicIpOnLaunch']).toBe(false);
    const instance = resources('ec2')['Instance'];
    expect(JSON.stringify(instance?.Properties['SubnetId'])).toContain('public-subnet-id');
  });

  it('admits the API port only from CloudFront and the VPC, never from anywhere', () => {
    const groups = [
      ...ofType('main', 'AWS::EC2::SecurityGroup'),
      ...ofType('ec2', 'AWS::EC2::SecurityGroup'),
    ];
    for (const [id, group] of groups) {
      const ingress = (group.Properties['SecurityGroupIngress'] ?? []) as Record<string, unknown>[];
      for (const rule of ingress.filter((r) => r && typeof r === 'object' && 'IpProtocol' in r))
        expect(rule['CidrIp'], `${id} ${JSON.stringify(rule)}`).not.toBe('0.0.0.0/0');
    }
    const api = resources('main')['Ec2SecurityGroup']?.Properties['SecurityGroupIngress'] as Record<
      string,
      unknown
    >[];
    expect(
      api.find((rule) => rule['FromPort'] === 3001 && 'SourcePrefixListId' in rule),
    ).toBeDefined();
    const alb = resources('ec2')['LoadBalancerSecurityGroup']?.Properties[
      'SecurityGroupIngress'
    ] as Record<string, unknown>[];
    // The load balancer is internal: only CloudFront's VPC origin, inside the VPC, reaches it.
    expect(JSON.stringify(alb)).toContain('"CidrIp":"10.0.0.0/16"');
    expect(resources('ec2')['ApplicationLoadBalancer']?.Properties['Scheme']).toBe('internal');
  });

  it('keeps current product images in classes CloudFront can read without a restore', () => {
    for (const id of ['ImagesBucket', 'WebsiteBucket']) {
      const rules = (
        resources('main')[id]?.Properties['LifecycleConfiguration'] as {
          Rules: { Transitions?: { StorageClass: string }[] }[];
        }
      ).Rules;
      for (const rule of rules)
        for (const transition of rule.Transitions ?? [])
          expect(['STANDARD_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR']).toContain(
            transition.StorageClass,
          );
    }
  });

  it('lets return traffic in on every ephemeral port and path-MTU discovery work', () => {
    for (const acl of ['PublicNetworkAcl', 'PrivateNetworkAcl']) {
      const entries = ofType('main', 'AWS::EC2::NetworkAclEntry')
        .map(([, entry]) => entry.Properties)
        .filter(
          (entry) => (entry['NetworkAclId'] as { Ref: string }).Ref === acl && !entry['Egress'],
        );
      expect(
        entries.some(
          (entry) =>
            JSON.stringify(entry['PortRange']) === JSON.stringify({ From: 1024, To: 65535 }),
        ),
        acl,
      ).toBe(true);
      expect(
        entries.some(
          (entry) =>
            entry['Protocol'] === 1 &&
            JSON.stringify(entry['Icmp']) === JSON.stringify({ Type: 3, Code: 4 }),
        ),
        acl,
      ).toBe(true);
    }
  });

  it('lets the instance be replaced: nothing the ec2 stack exports changes with the instance', () => {
    const monitoring = JSON.stringify(resources('monitoring'));
    for (const name of [
      'instance-id',
      'auto-scaling-group-name',
      'load-balancer-full-name',
      'target-group-full-name',
    ])
      expect(monitoring).not.toContain(`-${name}`);
  });

  it('alarms when the API is down, also when no one is shopping, and on the load balancer', () => {
    const alarms = Object.fromEntries(ofType('monitoring', 'AWS::CloudWatch::Alarm'));
    expect(alarms['ApiDownAlarm']?.Properties).toMatchObject({
      MetricName: 'Heartbeat',
      TreatMissingData: 'breaching',
      ComparisonOperator: 'LessThanThreshold',
    });
    expect(alarms['NoHealthyTargetAlarm']).toMatchObject({
      Condition: 'UseAutoScaling',
      Properties: { MetricName: 'HealthyHostCount', TreatMissingData: 'breaching' },
    });
    expect(alarms['UnhealthyTargetsAlarm']?.Properties['MetricName']).toBe('UnHealthyHostCount');
    expect(alarms['LoadBalancer5xxAlarm']?.Properties['MetricName']).toBe('HTTPCode_ELB_5XX_Count');
  });

  it('boots the release api:deploy recorded, never the newest upload', () => {
    const userData = JSON.stringify(resources('ec2')['LaunchTemplate']?.Properties);
    expect(userData).toContain('app_param api-release');
    expect(userData).not.toContain('list-objects');
    const role = JSON.stringify(resources('ec2')['InstanceRole']?.Properties);
    expect(role).not.toContain('ListApiReleases');
  });
});

it('covers every stack', () => expect(STACK_KEYS).toHaveLength(4));

describe('what reaches the instance', () => {
  it('accepts only an https origin as WebOrigin, so no value can inject code into its environment', () => {
    const template = parse(readFileSync(path.join(dir, STACK_TEMPLATE_FILES.ec2), 'utf8')) as {
      Parameters: Record<string, { AllowedPattern?: string }>;
    };
    const pattern = new RegExp(template.Parameters['WebOrigin']?.AllowedPattern ?? '');
    expect(pattern.test('https://shop.example.com')).toBe(true);
    expect(pattern.test('')).toBe(true);
    expect(pattern.test("https://x', PWN: require('child_process').execSync('id')")).toBe(false);
  });

  it('grants the instance no Scan and lists images only under their prefix', () => {
    const role = JSON.stringify(resources('ec2')['InstanceRole']?.Properties);
    expect(role).not.toContain('dynamodb:Scan');
    expect(role).toContain('"s3:prefix":["images/*"]');
  });
});

describe('CloudFront to the API', () => {
  it('reaches a private API (outside dev, and the load balancer everywhere) through a VPC origin', () => {
    const ec2 = JSON.stringify(resources('ec2')['Instance']?.Properties['SubnetId']);
    expect(ec2).toContain('PrivateApi');
    expect(ec2).toContain('private-subnet-id');
    expect(
      JSON.stringify(resources('ec2')['ApplicationLoadBalancer']?.Properties['Subnets']),
    ).toContain('private-subnet');
    const template = parse(readFileSync(path.join(dir, STACK_TEMPLATE_FILES.ec2), 'utf8')) as {
      Conditions: Record<string, unknown>;
      Outputs: Record<string, { Value: unknown }>;
    };
    expect(template.Conditions['PrivateApi']).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Environment' }, 'dev'] }],
    });
    const originArn = JSON.stringify(template.Outputs['ApiOriginArn']?.Value);
    expect(originArn).toContain(':instance/');
    expect(originArn).toContain('{"Ref":"ApplicationLoadBalancer"}');

    const vpcOrigin = resources('main')['ApiVpcOrigin'];
    expect(vpcOrigin?.Type).toBe('AWS::CloudFront::VpcOrigin');
    expect(vpcOrigin?.Condition).toBe('HasVpcOrigin');
    const origins = JSON.stringify(
      (resources('main')['Distribution']?.Properties['DistributionConfig'] as { Origins: unknown })
        .Origins,
    );
    // The internet path (CustomOriginConfig) exists only where there is no VPC origin: dev.
    expect(origins).toContain(
      '"CustomOriginConfig":{"Fn::If":["HasVpcOrigin",{"Ref":"AWS::NoValue"}',
    );
    expect(origins).toContain('"VpcOriginConfig":{"Fn::If":["HasVpcOrigin",{"VpcOriginId"');
  });

  it('gives a private instance no Elastic IP', () => {
    const template = parse(readFileSync(path.join(dir, STACK_TEMPLATE_FILES.ec2), 'utf8')) as {
      Conditions: Record<string, unknown>;
    };
    expect(JSON.stringify(template.Conditions['UseElasticIp'])).toContain(
      '{"Fn::Not":[{"Condition":"PrivateApi"}]}',
    );
  });

  it('routes the API and its health paths to the API, uncached, so infra:status sees what shoppers reach', () => {
    const behaviors = (
      resources('main')['Distribution']?.Properties['DistributionConfig'] as {
        CacheBehaviors: { 'Fn::If'?: [string, { PathPattern: string; TargetOriginId: string }] }[];
      }
    ).CacheBehaviors.flatMap((behavior) => (behavior['Fn::If'] ? [behavior['Fn::If']] : []));
    const toApi = behaviors
      .filter(
        ([condition, behavior]) =>
          condition === 'HasApiOrigin' && behavior.TargetOriginId === 'api',
      )
      .map(([, behavior]) => behavior.PathPattern);
    expect(toApi).toEqual(['api/*', `${HEALTH_READY_PATH.split('/')[1]}*`]);
    expect(`/${toApi[1]?.replace('*', '')}/ready`).toBe(HEALTH_READY_PATH);
  });
});
