import {
  HTTPS_PORT,
  HTTP_PORT,
  SSH_PORT,
  STACK_CONDITIONS,
  VPC_CIDR,
} from '@mini-ecommerce/stack-model';
import {
  AWS_REGION,
  allOf,
  equals,
  getAZs,
  not,
  or,
  ref,
  select,
  sub,
} from '../../model/intrinsics';
import type {
  ParameterHandle,
  ResourceHandle,
  ResourceOptions,
  TemplateBuilder,
} from '../../model/template';
import type { Str } from '../../model/values';
import {
  ENVIRONMENT_PARAMETER,
  LOG_RETENTION_DAYS,
  envLogGroupName,
  envName,
  nameTag,
} from '../common';
import { assumableBy } from '../shared-policies';

/** The address plan of the architecture document, plus the second-AZ subnets a load balancer needs. */
export const NETWORK = {
  vpcCidr: VPC_CIDR,
  publicSubnetCidr: '10.0.1.0/24',
  privateSubnetCidr: '10.0.2.0/24',
  publicSubnet2Cidr: '10.0.3.0/24',
  privateSubnet2Cidr: '10.0.4.0/24',
} as const;

const RETURN_TRAFFIC_REASON =
  'Return traffic of outbound connections arrives on any ephemeral port, 3389 included, and a NACL is stateless; no instance listens on 22 or 3389 and the stateful security groups open neither.';
const TCP = '6';
const ICMP = '1';
const ANYWHERE = '0.0.0.0/0';

/** What a network ACL entry lets through: a TCP port range, or a protocol (ICMP with its type). */
interface Traffic {
  readonly ports?: { readonly From: number; readonly To: number };
  readonly protocol?: string;
  readonly icmp?: { readonly Type: number; readonly Code: number };
}
const tcpPort = (port: number): Traffic => ({ ports: { From: port, To: port } });
const HTTP = tcpPort(HTTP_PORT);
const HTTPS = tcpPort(HTTPS_PORT);
const SSH = tcpPort(SSH_PORT);
/**
 * Replies to the instances' own connections arrive on any ephemeral port, 3389 included: a
 * stateless NACL that skips it drops those replies at random. RDP stays closed where it matters,
 * in the stateful security groups, which open no such port.
 */
const EPHEMERAL: Traffic = { ports: { From: 1024, To: 65535 } };
/** "Fragmentation needed": without it path-MTU discovery fails and large replies hang. */
const PATH_MTU: Traffic = { protocol: ICMP, icmp: { Type: 3, Code: 4 } };
const ALL_TRAFFIC: Traffic = { protocol: '-1' };

export interface Network {
  readonly vpc: ResourceHandle<'AWS::EC2::VPC'>;
  readonly publicSubnet: ResourceHandle<'AWS::EC2::Subnet'>;
  readonly publicSubnet2: ResourceHandle<'AWS::EC2::Subnet'>;
  readonly privateSubnet: ResourceHandle<'AWS::EC2::Subnet'>;
  readonly privateSubnet2: ResourceHandle<'AWS::EC2::Subnet'>;
  readonly hasSshCidr: string;
}

export function addNetwork(
  template: TemplateBuilder,
  params: { sshCidr: ParameterHandle; natGateway: ParameterHandle },
  flowLogKey: ResourceHandle<'AWS::KMS::Key'>,
): Network {
  const hasSshCidr = template.condition(
    STACK_CONDITIONS.hasSshCidr,
    not(equals(params.sshCidr.ref(), '')),
  );
  const createNat = template.condition(
    STACK_CONDITIONS.createNatGateway,
    or(
      equals(params.natGateway.ref(), 'true'),
      allOf(
        equals(params.natGateway.ref(), 'auto'),
        not(equals(ref(ENVIRONMENT_PARAMETER), 'dev')),
      ),
    ),
  );

  const vpc = template.resource('Vpc', 'AWS::EC2::VPC', {
    CidrBlock: NETWORK.vpcCidr,
    EnableDnsSupport: true,
    EnableDnsHostnames: true,
    Tags: [nameTag('vpc')],
  });
  const internetGateway = template.resource('InternetGateway', 'AWS::EC2::InternetGateway', {
    Tags: [nameTag('igw')],
  });
  const gatewayAttachment = template.resource(
    'InternetGatewayAttachment',
    'AWS::EC2::VPCGatewayAttachment',
    {
      VpcId: vpc.ref(),
      InternetGatewayId: internetGateway.ref(),
    },
  );

  const subnet = (id: string, cidr: string, az: number, isPublic: boolean, name: string) =>
    template.resource(
      id,
      'AWS::EC2::Subnet',
      {
        VpcId: vpc.ref(),
        CidrBlock: cidr,
        AvailabilityZone: select(az, getAZs(AWS_REGION)),
        // The API instances live in the public subnets and reach dnf, npm, SSM and CloudFormation
        // through the internet gateway, so they need a public address; the private ones never get one.
        MapPublicIpOnLaunch: isPublic,
        Tags: [nameTag(name), { Key: 'Tier', Value: isPublic ? 'public' : 'private' }],
      },
      isPublic
        ? {
            guardExceptions: [
              {
                rule: 'CT.EC2.PR.11',
                reason:
                  'The public subnets hold the API instances, which reach package repositories and AWS endpoints through the internet gateway (no NAT gateway in dev); their security group admits only CloudFront and the VPC, so the public address exposes nothing.',
              },
            ],
          }
        : {},
    );
  const publicSubnet = subnet('PublicSubnet', NETWORK.publicSubnetCidr, 0, true, 'public-a');
  const publicSubnet2 = subnet('PublicSubnet2', NETWORK.publicSubnet2Cidr, 1, true, 'public-b');
  const privateSubnet = subnet('PrivateSubnet', NETWORK.privateSubnetCidr, 0, false, 'private-a');
  const privateSubnet2 = subnet(
    'PrivateSubnet2',
    NETWORK.privateSubnet2Cidr,
    1,
    false,
    'private-b',
  );

  const natEip = template.resource(
    'NatGatewayEip',
    'AWS::EC2::EIP',
    { Domain: 'vpc', Tags: [nameTag('nat-eip')] },
    { condition: createNat, dependsOn: [gatewayAttachment] },
  );
  const natGateway = template.resource(
    'NatGateway',
    'AWS::EC2::NatGateway',
    {
      AllocationId: natEip.getAtt('AllocationId'),
      SubnetId: publicSubnet.ref(),
      Tags: [nameTag('nat')],
    },
    { condition: createNat },
  );

  // Each tier's route table sends everything outside the VPC through its gateway: the internet
  // gateway for the public subnets, the NAT gateway (when there is one) for the private ones.
  const routeTable = (
    tier: 'Public' | 'Private',
    gateway: { GatewayId: Str } | { NatGatewayId: Str },
    routeOptions: ResourceOptions,
  ) => {
    const table = template.resource(`${tier}RouteTable`, 'AWS::EC2::RouteTable', {
      VpcId: vpc.ref(),
      Tags: [nameTag(`${tier.toLowerCase()}-routes`)],
    });
    template.resource(
      `${tier}DefaultRoute`,
      'AWS::EC2::Route',
      { RouteTableId: table.ref(), DestinationCidrBlock: ANYWHERE, ...gateway },
      routeOptions,
    );
    return table;
  };
  const publicRoutes = routeTable(
    'Public',
    { GatewayId: internetGateway.ref() },
    { dependsOn: [gatewayAttachment] },
  );
  const privateRoutes = routeTable(
    'Private',
    { NatGatewayId: natGateway.ref() },
    { condition: createNat },
  );
  for (const [id, subnetHandle, table] of [
    ['PublicSubnetRoutes', publicSubnet, publicRoutes],
    ['PublicSubnet2Routes', publicSubnet2, publicRoutes],
    ['PrivateSubnetRoutes', privateSubnet, privateRoutes],
    ['PrivateSubnet2Routes', privateSubnet2, privateRoutes],
  ] as const) {
    template.resource(id, 'AWS::EC2::SubnetRouteTableAssociation', {
      SubnetId: subnetHandle.ref(),
      RouteTableId: table.ref(),
    });
  }

  // Gateway endpoints are free and keep DynamoDB and S3 traffic off the internet (and off the NAT bill).
  for (const service of ['dynamodb', 's3'] as const) {
    template.resource(
      service === 'dynamodb' ? 'DynamoDbEndpoint' : 'S3Endpoint',
      'AWS::EC2::VPCEndpoint',
      {
        VpcId: vpc.ref(),
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
        VpcEndpointType: 'Gateway',
        RouteTableIds: [publicRoutes.ref(), privateRoutes.ref()],
      },
    );
  }

  addNetworkAcls(
    template,
    { vpc, publicSubnet, publicSubnet2, privateSubnet, privateSubnet2 },
    params.sshCidr,
    hasSshCidr,
  );
  addFlowLogs(template, vpc, flowLogKey);

  return { vpc, publicSubnet, publicSubnet2, privateSubnet, privateSubnet2, hasSshCidr };
}

function addNetworkAcls(
  template: TemplateBuilder,
  net: Omit<Network, 'hasSshCidr'>,
  sshCidr: ParameterHandle,
  hasSshCidr: string,
): void {
  const publicAcl = template.resource('PublicNetworkAcl', 'AWS::EC2::NetworkAcl', {
    VpcId: net.vpc.ref(),
    Tags: [nameTag('public-nacl')],
  });
  const privateAcl = template.resource('PrivateNetworkAcl', 'AWS::EC2::NetworkAcl', {
    VpcId: net.vpc.ref(),
    Tags: [nameTag('private-nacl')],
  });

  type Entry = Traffic & {
    id: string;
    rule: number;
    egress: boolean;
    cidr: Str;
    condition?: string;
    guardReason?: string;
  };
  const entries = (acl: typeof publicAcl, list: Entry[]) => {
    for (const e of list) {
      template.resource(
        e.id,
        'AWS::EC2::NetworkAclEntry',
        {
          NetworkAclId: acl.ref(),
          RuleNumber: e.rule,
          Protocol: Number(e.protocol ?? TCP),
          RuleAction: 'allow',
          Egress: e.egress,
          CidrBlock: e.cidr,
          ...(e.ports ? { PortRange: e.ports } : {}),
          ...(e.icmp ? { Icmp: e.icmp } : {}),
        },
        {
          ...(e.condition ? { condition: e.condition } : {}),
          ...(e.guardReason
            ? { guardExceptions: [{ rule: 'CT.EC2.PR.5', reason: e.guardReason }] }
            : {}),
        },
      );
    }
  };

  // Public subnets: web and API traffic in, replies to outbound connections back in; SSH only
  // from the operator's CIDR when one is given. Everything else is dropped by the default deny.
  entries(publicAcl, [
    { id: 'PublicAclInHttp', rule: 100, egress: false, cidr: ANYWHERE, ...HTTP },
    { id: 'PublicAclInHttps', rule: 110, egress: false, cidr: ANYWHERE, ...HTTPS },
    // Covers the API port and the replies to the instance's own outbound connections.
    {
      id: 'PublicAclInEphemeral',
      rule: 120,
      egress: false,
      cidr: ANYWHERE,
      ...EPHEMERAL,
      guardReason: RETURN_TRAFFIC_REASON,
    },
    { id: 'PublicAclInPathMtu', rule: 125, egress: false, cidr: ANYWHERE, ...PATH_MTU },
    {
      id: 'PublicAclInSsh',
      rule: 130,
      egress: false,
      cidr: sshCidr.ref(),
      ...SSH,
      condition: hasSshCidr,
    },
    { id: 'PublicAclOutHttp', rule: 100, egress: true, cidr: ANYWHERE, ...HTTP },
    { id: 'PublicAclOutHttps', rule: 110, egress: true, cidr: ANYWHERE, ...HTTPS },
    { id: 'PublicAclOutEphemeral', rule: 120, egress: true, cidr: ANYWHERE, ...EPHEMERAL },
    { id: 'PublicAclOutVpc', rule: 130, egress: true, cidr: NETWORK.vpcCidr, ...ALL_TRAFFIC },
  ]);
  // Private subnets: reachable from inside the VPC only; out to the internet for updates (through the NAT).
  entries(privateAcl, [
    { id: 'PrivateAclInVpc', rule: 100, egress: false, cidr: NETWORK.vpcCidr, ...ALL_TRAFFIC },
    {
      id: 'PrivateAclInEphemeral',
      rule: 110,
      egress: false,
      cidr: ANYWHERE,
      ...EPHEMERAL,
      guardReason: RETURN_TRAFFIC_REASON,
    },
    { id: 'PrivateAclInPathMtu', rule: 115, egress: false, cidr: ANYWHERE, ...PATH_MTU },
    { id: 'PrivateAclOutVpc', rule: 100, egress: true, cidr: NETWORK.vpcCidr, ...ALL_TRAFFIC },
    { id: 'PrivateAclOutHttps', rule: 110, egress: true, cidr: ANYWHERE, ...HTTPS },
    { id: 'PrivateAclOutHttp', rule: 120, egress: true, cidr: ANYWHERE, ...HTTP },
  ]);

  for (const [id, subnetHandle, acl] of [
    ['PublicSubnetAcl', net.publicSubnet, publicAcl],
    ['PublicSubnet2Acl', net.publicSubnet2, publicAcl],
    ['PrivateSubnetAcl', net.privateSubnet, privateAcl],
    ['PrivateSubnet2Acl', net.privateSubnet2, privateAcl],
  ] as const) {
    template.resource(id, 'AWS::EC2::SubnetNetworkAclAssociation', {
      SubnetId: subnetHandle.ref(),
      NetworkAclId: acl.ref(),
    });
  }
}

function addFlowLogs(
  template: TemplateBuilder,
  vpc: ResourceHandle<'AWS::EC2::VPC'>,
  key: ResourceHandle<'AWS::KMS::Key'>,
): void {
  const logGroup = template.resource(
    'FlowLogGroup',
    'AWS::Logs::LogGroup',
    {
      LogGroupName: envLogGroupName('vpc-flow-logs'),
      RetentionInDays: LOG_RETENTION_DAYS,
      KmsKeyId: key.getAtt('Arn'),
    },
    { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' },
  );
  const role = template.resource('FlowLogRole', 'AWS::IAM::Role', {
    RoleName: envName('vpc-flow-logs'),
    AssumeRolePolicyDocument: assumableBy('vpc-flow-logs.amazonaws.com', {
      StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') },
    }),
    Policies: [
      {
        PolicyName: 'write-flow-logs',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
              Resource: [logGroup.getAtt('Arn')],
            },
          ],
        },
      },
    ],
  });
  template.resource('VpcFlowLog', 'AWS::EC2::FlowLog', {
    ResourceId: vpc.ref(),
    ResourceType: 'VPC',
    TrafficType: 'ALL',
    LogDestinationType: 'cloud-watch-logs',
    LogGroupName: logGroup.ref(),
    DeliverLogsPermissionArn: role.getAtt('Arn'),
    Tags: [nameTag('flow-log')],
  });
}
