import { PROJECT_NAME, logGroupName, parameterPath } from '@mini-ecommerce/stack-model';
import { ENV_PLACEHOLDER, envNameText } from '../common';

/**
 * What the CloudFormation service role may do: for each resource type the four stacks declare,
 * the API actions CloudFormation's handlers call to create, read, update and delete it, on the
 * environment's own names (`mini-ecommerce-<env>-*`) wherever the service puts names in its ARNs.
 * `service-role-policy.test.ts` holds this table to the committed templates: every resource type
 * in them is covered, none that is not, no wildcard action, and every unscoped resource says why.
 */
export interface PermissionGroup {
  /** Statement id in the generated policy. */
  readonly sid: string;
  /** Resource types of the four templates these actions manage. */
  readonly types: readonly string[];
  readonly actions: readonly string[];
  /** Fn::Sub text (`${AWS::Partition}`, `${AWS::Region}`, `${AWS::AccountId}`, `${Environment}`). */
  readonly resources: readonly string[];
  readonly condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
  /** Why the resources are not narrowed to the environment's names (required when they are not). */
  readonly unscopedBecause?: string;
}

/** One customer-managed policy of the role (each stays under IAM's 6,144-character limit). */
export interface ServicePolicy {
  readonly name: string;
  readonly description: string;
  readonly groups: readonly PermissionGroup[];
}

const ARN = 'arn:${AWS::Partition}';
const HERE = '${AWS::Region}:${AWS::AccountId}';
const ACCOUNT = '${AWS::AccountId}';
/** `mini-ecommerce-${Environment}-*`: every named resource of the environment. */
const NAMED = envNameText('*');
const LOG_GROUPS = logGroupName(ENV_PLACEHOLDER, '*');

/** The standard tags every template puts on its resources: deletes of id-named resources require them. */
const ENVIRONMENT_TAGGED = {
  StringEquals: {
    'aws:ResourceTag/Project': PROJECT_NAME,
    'aws:ResourceTag/Environment': '${Environment}',
  },
} as const;

/**
 * The main stack's network resource types that carry tags (the standard tags, from the builder):
 * deleting them requires the environment tag.
 */
const TAGGED_NETWORK_TYPES = [
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::RouteTable',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::EIP',
  'AWS::EC2::NatGateway',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::VPCEndpoint',
  'AWS::EC2::FlowLog',
];

/** The ec2 stack's tagged instance types. */
const TAGGED_INSTANCE_TYPES = ['AWS::EC2::LaunchTemplate', 'AWS::EC2::Instance'];

/** The EC2 resource types of the templates that carry tags. */
const EC2_TAGGED_TYPES = [...TAGGED_NETWORK_TYPES, ...TAGGED_INSTANCE_TYPES];

/**
 * The main stack's network resource types, created, wired and read by the same statements: the
 * tagged ones and the attachments, routes, associations and ACL entries that wire them (untagged).
 */
const NETWORK_TYPES = [
  ...TAGGED_NETWORK_TYPES,
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation',
];

const EC2_IDS =
  'EC2 ARNs carry generated ids (vpc-0123...), not names, and creating or wiring them also authorises the ids of resources not yet tagged; deleting them requires the environment tag (next statement)';

export const SERVICE_ROLE_POLICIES: readonly ServicePolicy[] = [
  {
    name: 'network',
    description:
      'The VPC of the main stack: subnets, gateways, routes, network ACLs, security groups, endpoints, flow logs.',
    groups: [
      {
        sid: 'NetworkCreateAndWire',
        types: NETWORK_TYPES,
        actions: [
          'ec2:CreateVpc',
          'ec2:ModifyVpcAttribute',
          'ec2:CreateSubnet',
          'ec2:ModifySubnetAttribute',
          'ec2:CreateInternetGateway',
          'ec2:AttachInternetGateway',
          'ec2:DetachInternetGateway',
          'ec2:CreateRouteTable',
          'ec2:CreateRoute',
          'ec2:ReplaceRoute',
          'ec2:DeleteRoute',
          'ec2:AssociateRouteTable',
          'ec2:DisassociateRouteTable',
          'ec2:ReplaceRouteTableAssociation',
          'ec2:CreateNetworkAcl',
          'ec2:CreateNetworkAclEntry',
          'ec2:ReplaceNetworkAclEntry',
          'ec2:DeleteNetworkAclEntry',
          'ec2:ReplaceNetworkAclAssociation',
          'ec2:AllocateAddress',
          'ec2:AssociateAddress',
          'ec2:DisassociateAddress',
          'ec2:CreateNatGateway',
          'ec2:CreateSecurityGroup',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
          'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
          'ec2:CreateVpcEndpoint',
          'ec2:ModifyVpcEndpoint',
          'ec2:CreateFlowLogs',
        ],
        resources: ['*'],
        unscopedBecause: EC2_IDS,
      },
      {
        sid: 'NetworkDelete',
        types: TAGGED_NETWORK_TYPES,
        actions: [
          'ec2:DeleteVpc',
          'ec2:DeleteSubnet',
          'ec2:DeleteInternetGateway',
          'ec2:DeleteRouteTable',
          'ec2:DeleteNetworkAcl',
          'ec2:ReleaseAddress',
          'ec2:DeleteNatGateway',
          'ec2:DeleteSecurityGroup',
          'ec2:DeleteVpcEndpoints',
          'ec2:DeleteFlowLogs',
        ],
        resources: ['*'],
        condition: ENVIRONMENT_TAGGED,
        unscopedBecause:
          'EC2 ARNs carry generated ids; the condition limits deletion to resources tagged with this environment',
      },
      {
        sid: 'NetworkRead',
        types: NETWORK_TYPES,
        actions: [
          'ec2:DescribeVpcs',
          'ec2:DescribeVpcAttribute',
          'ec2:DescribeSubnets',
          'ec2:DescribeAvailabilityZones',
          'ec2:DescribeInternetGateways',
          'ec2:DescribeRouteTables',
          'ec2:DescribeNetworkAcls',
          'ec2:DescribeAddresses',
          'ec2:DescribeNatGateways',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSecurityGroupRules',
          'ec2:DescribeVpcEndpoints',
          'ec2:DescribePrefixLists',
          'ec2:DescribeManagedPrefixLists',
          'ec2:DescribeFlowLogs',
          'ec2:DescribeAccountAttributes',
        ],
        resources: ['*'],
        unscopedBecause: 'EC2 Describe actions support no resource-level permissions',
      },
      {
        // Tags are written when a resource is created, or carry this environment's own tags;
        // removing them is limited to this environment's resources and never strips the tags
        // the delete statements rely on.
        sid: 'TagOnCreate',
        types: EC2_TAGGED_TYPES,
        actions: ['ec2:CreateTags'],
        resources: ['*'],
        condition: { Null: { 'ec2:CreateAction': 'false' } },
        unscopedBecause:
          'EC2 ARNs carry generated ids; the condition allows tagging only in the request that creates the resource',
      },
      {
        sid: 'TagWithEnvironment',
        types: EC2_TAGGED_TYPES,
        actions: ['ec2:CreateTags'],
        resources: ['*'],
        condition: {
          StringEquals: {
            'aws:RequestTag/Project': PROJECT_NAME,
            'aws:RequestTag/Environment': '${Environment}',
          },
        },
        unscopedBecause:
          "EC2 ARNs carry generated ids; the condition allows only requests that carry this environment's tags",
      },
      {
        sid: 'Untag',
        types: EC2_TAGGED_TYPES,
        actions: ['ec2:DeleteTags'],
        resources: ['*'],
        condition: {
          ...ENVIRONMENT_TAGGED,
          'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['Project', 'Environment'] },
        },
        unscopedBecause:
          'EC2 ARNs carry generated ids; the condition limits untagging to this environment and keeps its identifying tags',
      },
      {
        sid: 'FlowLogDelivery',
        types: ['AWS::EC2::FlowLog'],
        actions: ['logs:CreateLogDelivery', 'logs:DeleteLogDelivery'],
        resources: ['*'],
        unscopedBecause: 'log delivery actions support no resource-level permissions',
      },
    ],
  },
  {
    name: 'compute',
    description:
      'The API servers of the ec2 stack: launch template, instance or auto scaling group, load balancer.',
    groups: [
      {
        sid: 'ComputeCreate',
        types: [
          'AWS::EC2::LaunchTemplate',
          'AWS::EC2::Instance',
          'AWS::AutoScaling::AutoScalingGroup',
        ],
        actions: [
          'ec2:CreateLaunchTemplate',
          'ec2:CreateLaunchTemplateVersion',
          'ec2:ModifyLaunchTemplate',
          'ec2:RunInstances',
          'ec2:StartInstances',
          'ec2:StopInstances',
          'ec2:ModifyInstanceAttribute',
          'ec2:AssociateIamInstanceProfile',
          'ec2:ReplaceIamInstanceProfileAssociation',
          'ec2:DisassociateIamInstanceProfile',
        ],
        resources: ['*'],
        unscopedBecause:
          'RunInstances authorises the image, subnet, security groups, volumes and network interfaces by id, most not yet tagged',
      },
      {
        sid: 'ComputeDelete',
        types: TAGGED_INSTANCE_TYPES,
        actions: [
          'ec2:DeleteLaunchTemplate',
          'ec2:DeleteLaunchTemplateVersions',
          'ec2:TerminateInstances',
        ],
        resources: ['*'],
        condition: ENVIRONMENT_TAGGED,
        unscopedBecause:
          'EC2 ARNs carry generated ids; the condition limits deletion to resources tagged with this environment',
      },
      {
        sid: 'ComputeRead',
        types: [
          'AWS::EC2::LaunchTemplate',
          'AWS::EC2::Instance',
          'AWS::AutoScaling::AutoScalingGroup',
        ],
        actions: [
          'ec2:DescribeLaunchTemplates',
          'ec2:DescribeLaunchTemplateVersions',
          'ec2:DescribeInstances',
          'ec2:DescribeInstanceStatus',
          'ec2:DescribeIamInstanceProfileAssociations',
          'ec2:DescribeImages',
          'ec2:DescribeVolumes',
          'ec2:DescribeInstanceAttribute',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeTags',
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeScalingActivities',
          'autoscaling:DescribeLifecycleHooks',
          'autoscaling:DescribeScheduledActions',
          'autoscaling:DescribeTrafficSources',
          'autoscaling:DescribeNotificationConfigurations',
          'autoscaling:DescribeWarmPool',
          'autoscaling:DescribePolicies',
          'autoscaling:DescribeLoadBalancerTargetGroups',
        ],
        resources: ['*'],
        unscopedBecause:
          'EC2 and Auto Scaling Describe actions support no resource-level permissions',
      },
      {
        sid: 'AutoScalingGroup',
        types: ['AWS::AutoScaling::AutoScalingGroup'],
        actions: [
          'autoscaling:CreateAutoScalingGroup',
          'autoscaling:UpdateAutoScalingGroup',
          'autoscaling:DeleteAutoScalingGroup',
          'autoscaling:SetDesiredCapacity',
          'autoscaling:SuspendProcesses',
          'autoscaling:ResumeProcesses',
          'autoscaling:TerminateInstanceInAutoScalingGroup',
          'autoscaling:EnableMetricsCollection',
          'autoscaling:DisableMetricsCollection',
          'autoscaling:AttachLoadBalancerTargetGroups',
          'autoscaling:DetachLoadBalancerTargetGroups',
          'autoscaling:AttachTrafficSources',
          'autoscaling:DetachTrafficSources',
          'autoscaling:CreateOrUpdateTags',
          'autoscaling:DeleteTags',
        ],
        resources: [`${ARN}:autoscaling:${HERE}:autoScalingGroup:*:autoScalingGroupName/${NAMED}`],
      },
      {
        sid: 'LoadBalancerRead',
        types: [
          'AWS::ElasticLoadBalancingV2::LoadBalancer',
          'AWS::ElasticLoadBalancingV2::TargetGroup',
          'AWS::ElasticLoadBalancingV2::Listener',
        ],
        actions: [
          'elasticloadbalancing:DescribeLoadBalancers',
          'elasticloadbalancing:DescribeLoadBalancerAttributes',
          'elasticloadbalancing:DescribeTargetGroups',
          'elasticloadbalancing:DescribeTargetGroupAttributes',
          'elasticloadbalancing:DescribeTargetHealth',
          'elasticloadbalancing:DescribeListeners',
          'elasticloadbalancing:DescribeListenerAttributes',
          'elasticloadbalancing:DescribeTags',
        ],
        resources: ['*'],
        unscopedBecause:
          'Elastic Load Balancing Describe actions support no resource-level permissions',
      },
      {
        sid: 'LoadBalancer',
        types: [
          'AWS::ElasticLoadBalancingV2::LoadBalancer',
          'AWS::ElasticLoadBalancingV2::TargetGroup',
          'AWS::ElasticLoadBalancingV2::Listener',
        ],
        actions: [
          'elasticloadbalancing:CreateLoadBalancer',
          'elasticloadbalancing:DeleteLoadBalancer',
          'elasticloadbalancing:ModifyLoadBalancerAttributes',
          'elasticloadbalancing:SetSecurityGroups',
          'elasticloadbalancing:SetSubnets',
          'elasticloadbalancing:CreateTargetGroup',
          'elasticloadbalancing:DeleteTargetGroup',
          'elasticloadbalancing:ModifyTargetGroup',
          'elasticloadbalancing:ModifyTargetGroupAttributes',
          'elasticloadbalancing:RegisterTargets',
          'elasticloadbalancing:DeregisterTargets',
          'elasticloadbalancing:CreateListener',
          'elasticloadbalancing:DeleteListener',
          'elasticloadbalancing:ModifyListener',
          'elasticloadbalancing:AddTags',
          'elasticloadbalancing:RemoveTags',
        ],
        resources: [
          `${ARN}:elasticloadbalancing:${HERE}:loadbalancer/app/${NAMED}/*`,
          `${ARN}:elasticloadbalancing:${HERE}:targetgroup/${NAMED}/*`,
          `${ARN}:elasticloadbalancing:${HERE}:listener/app/${NAMED}/*/*`,
        ],
      },
      {
        sid: 'ServiceLinkedRoles',
        types: [
          'AWS::AutoScaling::AutoScalingGroup',
          'AWS::ElasticLoadBalancingV2::LoadBalancer',
          'AWS::CloudFront::VpcOrigin',
          'AWS::CloudWatch::Alarm',
        ],
        actions: ['iam:CreateServiceLinkedRole'],
        resources: [`${ARN}:iam::${ACCOUNT}:role/aws-service-role/*`],
        condition: {
          StringEquals: {
            'iam:AWSServiceName': [
              'autoscaling.amazonaws.com',
              'elasticloadbalancing.amazonaws.com',
              'vpcorigin.cloudfront.amazonaws.com',
              'events.amazonaws.com',
            ],
          },
        },
        unscopedBecause:
          'AWS names service-linked roles itself; the condition names the four services (events: the alarms that recover the instance)',
      },
      {
        sid: 'LatestAmi',
        types: ['AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'],
        actions: ['ssm:GetParameters'],
        resources: [`${ARN}:ssm:\${AWS::Region}::parameter/aws/service/ami-amazon-linux-latest/*`],
        unscopedBecause: 'the public Amazon Linux AMI parameters are AWS-owned names',
      },
    ],
  },
  {
    name: 'data',
    description: 'Buckets of the main stack and tables of the database stack.',
    groups: [
      {
        sid: 'Buckets',
        types: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
        actions: [
          's3:CreateBucket',
          's3:DeleteBucket',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetBucketTagging',
          's3:PutBucketTagging',
          's3:GetEncryptionConfiguration',
          's3:PutEncryptionConfiguration',
          's3:GetBucketCORS',
          's3:PutBucketCORS',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
          's3:GetBucketLogging',
          's3:PutBucketLogging',
          's3:GetMetricsConfiguration',
          's3:PutMetricsConfiguration',
          's3:GetBucketNotification',
          's3:PutBucketNotification',
          's3:GetBucketOwnershipControls',
          's3:PutBucketOwnershipControls',
          's3:GetBucketPublicAccessBlock',
          's3:PutBucketPublicAccessBlock',
          's3:GetBucketVersioning',
          's3:PutBucketVersioning',
          's3:GetBucketAcl',
          's3:PutBucketAcl',
          's3:GetAccelerateConfiguration',
          's3:GetAnalyticsConfiguration',
          's3:GetInventoryConfiguration',
          's3:GetReplicationConfiguration',
          's3:GetBucketWebsite',
          's3:GetBucketObjectLockConfiguration',
          's3:GetIntelligentTieringConfiguration',
          's3:GetBucketPolicy',
          's3:PutBucketPolicy',
          's3:DeleteBucketPolicy',
        ],
        resources: [`${ARN}:s3:::${NAMED}`],
      },
      {
        sid: 'Tables',
        types: ['AWS::DynamoDB::Table'],
        actions: [
          'dynamodb:CreateTable',
          'dynamodb:DescribeTable',
          'dynamodb:UpdateTable',
          'dynamodb:DeleteTable',
          'dynamodb:DescribeContinuousBackups',
          'dynamodb:UpdateContinuousBackups',
          'dynamodb:DescribeTimeToLive',
          'dynamodb:UpdateTimeToLive',
          'dynamodb:DescribeContributorInsights',
          'dynamodb:DescribeKinesisStreamingDestination',
          'dynamodb:GetResourcePolicy',
          'dynamodb:ListTagsOfResource',
          'dynamodb:TagResource',
          'dynamodb:UntagResource',
        ],
        resources: [`${ARN}:dynamodb:${HERE}:table/${NAMED}`],
      },
    ],
  },
  {
    name: 'edge',
    description: 'CloudFront in front of the buckets and the API.',
    groups: [
      {
        sid: 'CloudFront',
        types: [
          'AWS::CloudFront::Distribution',
          'AWS::CloudFront::OriginAccessControl',
          'AWS::CloudFront::VpcOrigin',
        ],
        actions: [
          'cloudfront:CreateDistribution',
          'cloudfront:GetDistribution',
          'cloudfront:GetDistributionConfig',
          'cloudfront:UpdateDistribution',
          'cloudfront:DeleteDistribution',
          'cloudfront:CreateOriginAccessControl',
          'cloudfront:GetOriginAccessControl',
          'cloudfront:UpdateOriginAccessControl',
          'cloudfront:DeleteOriginAccessControl',
          'cloudfront:CreateVpcOrigin',
          'cloudfront:GetVpcOrigin',
          'cloudfront:UpdateVpcOrigin',
          'cloudfront:DeleteVpcOrigin',
          'cloudfront:TagResource',
          'cloudfront:UntagResource',
          'cloudfront:ListTagsForResource',
        ],
        resources: [
          `${ARN}:cloudfront::${ACCOUNT}:distribution/*`,
          `${ARN}:cloudfront::${ACCOUNT}:origin-access-control/*`,
          `${ARN}:cloudfront::${ACCOUNT}:vpcorigin/*`,
        ],
        unscopedBecause:
          'CloudFront distribution, origin access control and VPC origin ARNs carry generated ids',
      },
      {
        sid: 'CloudFrontFunctions',
        types: ['AWS::CloudFront::Function'],
        actions: [
          'cloudfront:CreateFunction',
          'cloudfront:DescribeFunction',
          'cloudfront:GetFunction',
          'cloudfront:UpdateFunction',
          'cloudfront:PublishFunction',
          'cloudfront:DeleteFunction',
          'cloudfront:TagResource',
          'cloudfront:ListTagsForResource',
        ],
        resources: [`${ARN}:cloudfront::${ACCOUNT}:function/${NAMED}`],
      },
      {
        sid: 'VpcOriginTargets',
        types: ['AWS::CloudFront::VpcOrigin'],
        actions: [
          'ec2:DescribeInstances',
          'ec2:DescribeInternetGateways',
          'elasticloadbalancing:DescribeLoadBalancers',
        ],
        resources: ['*'],
        unscopedBecause: 'Describe actions support no resource-level permissions',
      },
    ],
  },
  {
    name: 'identity-and-keys',
    description: "The stacks' roles, instance profile, KMS keys and aliases, and SSM parameters.",
    groups: [
      {
        sid: 'Roles',
        types: ['AWS::IAM::Role', 'AWS::IAM::InstanceProfile'],
        actions: [
          'iam:CreateRole',
          'iam:DeleteRole',
          'iam:GetRole',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
          'iam:UpdateAssumeRolePolicy',
          'iam:PutRolePolicy',
          'iam:GetRolePolicy',
          'iam:DeleteRolePolicy',
          'iam:ListRolePolicies',
          'iam:ListAttachedRolePolicies',
          'iam:ListInstanceProfilesForRole',
          'iam:TagRole',
          'iam:UntagRole',
          'iam:CreateInstanceProfile',
          'iam:DeleteInstanceProfile',
          'iam:GetInstanceProfile',
          'iam:AddRoleToInstanceProfile',
          'iam:RemoveRoleFromInstanceProfile',
          'iam:TagInstanceProfile',
          'iam:UntagInstanceProfile',
        ],
        resources: [
          `${ARN}:iam::${ACCOUNT}:role/${NAMED}`,
          `${ARN}:iam::${ACCOUNT}:instance-profile/${NAMED}`,
        ],
      },
      {
        sid: 'PassStackRoles',
        types: [
          'AWS::EC2::Instance',
          'AWS::EC2::LaunchTemplate',
          'AWS::AutoScaling::AutoScalingGroup',
          'AWS::EC2::FlowLog',
          'AWS::CloudTrail::Trail',
        ],
        actions: ['iam:PassRole'],
        resources: [`${ARN}:iam::${ACCOUNT}:role/${NAMED}`],
        condition: {
          StringEquals: {
            'iam:PassedToService': [
              'ec2.amazonaws.com',
              'vpc-flow-logs.amazonaws.com',
              'cloudtrail.amazonaws.com',
            ],
          },
        },
      },
      {
        // AddRoleToInstanceProfile authorises iam:PassRole naming no service: only the API role.
        sid: 'ProfileRole',
        types: ['AWS::IAM::InstanceProfile'],
        actions: ['iam:PassRole'],
        resources: [`${ARN}:iam::${ACCOUNT}:role/${envNameText('api-instance')}`],
      },
      {
        sid: 'CreateKeys',
        types: ['AWS::KMS::Key'],
        actions: ['kms:CreateKey'],
        resources: ['*'],
        unscopedBecause: 'a key that does not exist yet has no ARN to name',
      },
      {
        // CreateKey with Tags is also authorised as kms:TagResource on the key being created.
        sid: 'TagNewKeys',
        types: ['AWS::KMS::Key'],
        actions: ['kms:TagResource'],
        resources: [`${ARN}:kms:${HERE}:key/*`],
        condition: {
          StringEquals: {
            'aws:RequestTag/Project': PROJECT_NAME,
            'aws:RequestTag/Environment': '${Environment}',
          },
        },
        unscopedBecause:
          "KMS key ARNs carry generated ids; the condition allows only this environment's tags",
      },
      {
        sid: 'ManageKeys',
        types: ['AWS::KMS::Key', 'AWS::KMS::Alias'],
        actions: [
          'kms:DescribeKey',
          'kms:GetKeyPolicy',
          'kms:PutKeyPolicy',
          'kms:GetKeyRotationStatus',
          'kms:EnableKeyRotation',
          'kms:DisableKeyRotation',
          'kms:UpdateKeyDescription',
          'kms:EnableKey',
          'kms:DisableKey',
          'kms:ListResourceTags',
          'kms:TagResource',
          'kms:UntagResource',
          'kms:ScheduleKeyDeletion',
          'kms:CreateAlias',
          'kms:UpdateAlias',
          'kms:DeleteAlias',
        ],
        resources: [`${ARN}:kms:${HERE}:key/*`],
        condition: ENVIRONMENT_TAGGED,
        unscopedBecause:
          'KMS key ARNs carry generated ids; the condition limits the role to keys tagged with this environment',
      },
      {
        sid: 'KeyAliases',
        types: ['AWS::KMS::Alias'],
        actions: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'],
        resources: [`${ARN}:kms:${HERE}:alias/${NAMED}`],
      },
      {
        sid: 'ListKeyAliases',
        types: ['AWS::KMS::Alias'],
        actions: ['kms:ListAliases'],
        resources: ['*'],
        unscopedBecause: 'kms:ListAliases supports no resource-level permissions',
      },
      {
        sid: 'Parameters',
        types: ['AWS::SSM::Parameter'],
        actions: [
          'ssm:PutParameter',
          'ssm:GetParameter',
          'ssm:GetParameters',
          'ssm:DeleteParameter',
          'ssm:AddTagsToResource',
          'ssm:RemoveTagsFromResource',
          'ssm:ListTagsForResource',
        ],
        resources: [`${ARN}:ssm:${HERE}:parameter${parameterPath(ENV_PLACEHOLDER)}/*`],
      },
      {
        sid: 'DescribeParameters',
        types: ['AWS::SSM::Parameter'],
        actions: ['ssm:DescribeParameters'],
        resources: ['*'],
        unscopedBecause: 'ssm:DescribeParameters supports no resource-level permissions',
      },
    ],
  },
  {
    name: 'observability',
    description:
      'Log groups, alarms, the dashboard, the alarm topic and the optional CloudTrail trail.',
    groups: [
      {
        sid: 'LogGroups',
        types: ['AWS::Logs::LogGroup'],
        actions: [
          'logs:CreateLogGroup',
          'logs:DeleteLogGroup',
          'logs:PutRetentionPolicy',
          'logs:DeleteRetentionPolicy',
          'logs:AssociateKmsKey',
          'logs:DisassociateKmsKey',
          'logs:TagResource',
          'logs:UntagResource',
          'logs:ListTagsForResource',
          'logs:TagLogGroup',
          'logs:UntagLogGroup',
          'logs:ListTagsLogGroup',
          'logs:GetDataProtectionPolicy',
        ],
        resources: [`${ARN}:logs:${HERE}:log-group:${LOG_GROUPS}`],
      },
      {
        sid: 'DescribeLogGroups',
        types: ['AWS::Logs::LogGroup'],
        actions: ['logs:DescribeLogGroups'],
        resources: ['*'],
        unscopedBecause:
          'logs:DescribeLogGroups is authorised on every log group of the account at once',
      },
      {
        sid: 'Alarms',
        types: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard'],
        actions: [
          'cloudwatch:PutMetricAlarm',
          'cloudwatch:DeleteAlarms',
          'cloudwatch:TagResource',
          'cloudwatch:UntagResource',
          'cloudwatch:ListTagsForResource',
          'cloudwatch:PutDashboard',
          'cloudwatch:GetDashboard',
          'cloudwatch:DeleteDashboards',
        ],
        resources: [
          `${ARN}:cloudwatch:${HERE}:alarm:${NAMED}`,
          `${ARN}:cloudwatch::${ACCOUNT}:dashboard/${NAMED}`,
        ],
      },
      {
        sid: 'DescribeAlarms',
        types: ['AWS::CloudWatch::Alarm'],
        actions: ['cloudwatch:DescribeAlarms'],
        resources: ['*'],
        unscopedBecause:
          'cloudwatch:DescribeAlarms is called without alarm names when CloudFormation reads an alarm back',
      },
      {
        sid: 'AlarmTopic',
        types: ['AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription'],
        actions: [
          'sns:CreateTopic',
          'sns:DeleteTopic',
          'sns:GetTopicAttributes',
          'sns:SetTopicAttributes',
          'sns:Subscribe',
          'sns:Unsubscribe',
          'sns:GetSubscriptionAttributes',
          'sns:SetSubscriptionAttributes',
          'sns:ListSubscriptionsByTopic',
          'sns:TagResource',
          'sns:UntagResource',
          'sns:ListTagsForResource',
        ],
        resources: [`${ARN}:sns:${HERE}:${NAMED}`],
      },
      {
        sid: 'Trail',
        types: ['AWS::CloudTrail::Trail'],
        actions: [
          'cloudtrail:CreateTrail',
          'cloudtrail:UpdateTrail',
          'cloudtrail:DeleteTrail',
          'cloudtrail:GetTrail',
          'cloudtrail:GetTrailStatus',
          'cloudtrail:StartLogging',
          'cloudtrail:StopLogging',
          'cloudtrail:GetEventSelectors',
          'cloudtrail:PutEventSelectors',
          'cloudtrail:GetInsightSelectors',
          'cloudtrail:AddTags',
          'cloudtrail:RemoveTags',
          'cloudtrail:ListTags',
        ],
        resources: [`${ARN}:cloudtrail:${HERE}:trail/${NAMED}`],
      },
      {
        sid: 'DescribeTrails',
        types: ['AWS::CloudTrail::Trail'],
        actions: ['cloudtrail:DescribeTrails'],
        resources: ['*'],
        unscopedBecause: 'cloudtrail:DescribeTrails supports no resource-level permissions',
      },
    ],
  },
];
