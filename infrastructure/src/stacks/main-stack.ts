import {
  API_PORT,
  CLOUDFRONT_ORIGIN_PREFIX_LIST,
  HTTPS_PORT,
  STACK_PARAMETERS,
  HTTP_PORT,
  IMAGES_KEY_PREFIX,
  SSH_PORT,
  STACK_CONDITIONS,
  API_RELEASES_KEY_PREFIX,
} from '@mini-ecommerce/stack-model';
import { AWS_NO_VALUE, allOf, equals, fnIf, join, not, sub } from '../model/intrinsics';
import type { ResourceHandle, TemplateBuilder, TemplateDocument } from '../model/template';
import type { Str } from '../model/values';
import {
  envLogGroupText,
  envName,
  envNameText,
  nameTag,
  stackOutputs,
  stackTemplate,
  deployerPrincipalsParameter,
} from './common';
import { keyAdministration } from './shared-policies';
import {
  EXPIRE_NONCURRENT,
  addBucket,
  addBucketPolicy,
  envBucketName,
  type Bucket,
} from './main/buckets';
import { addCdn } from './main/cdn';
import { NETWORK, addNetwork } from './main/network';

/** main-stack.yml: network, security groups, buckets, CDN and the logs key the other stacks share. */
export function mainStack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce network (VPC, subnets, gateways, NACLs, security groups, flow logs), storefront and images buckets behind CloudFront, and the shared CloudWatch Logs key.',
  );
  const sshCidr = template.parameter(
    STACK_PARAMETERS.sshCidr,
    {
      Type: 'String',
      Description:
        'CIDR allowed to reach port 22. Empty (the default) keeps SSH closed; use Session Manager instead.',
      Default: '',
      AllowedPattern: '^$|^([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[1-2][0-9]|3[0-2])$',
      ConstraintDescription: 'empty, or an IPv4 CIDR such as 203.0.113.10/32',
    },
    'Network',
  );
  const natGateway = template.parameter(
    STACK_PARAMETERS.natGatewayMode,
    {
      Type: 'String',
      Description:
        'Create a NAT gateway for the private subnets. auto: off in dev (it costs about 32 USD a month), on in staging and prod.',
      Default: 'auto',
      AllowedValues: ['auto', 'true', 'false'],
    },
    'Network',
  );
  const webOrigin = template.parameter(
    STACK_PARAMETERS.webOrigin,
    {
      Type: 'String',
      Description:
        'Extra origin (https://shop.example.com) allowed to upload images, besides the CloudFront domain. Empty for none.',
      Default: '',
      AllowedPattern: '^$|^https://[a-z0-9.-]+(:[0-9]+)?$',
    },
    'Storefront',
  );
  const apiOriginDomain = template.parameter(
    STACK_PARAMETERS.apiOriginDomain,
    {
      Type: 'String',
      Description:
        'Public DNS name of the API (load balancer or instance) to serve under /api/* on the storefront domain. Empty until the ec2 stack exists.',
      Default: '',
    },
    'Storefront',
  );
  const apiOriginPort = template.parameter(
    STACK_PARAMETERS.apiOriginPort,
    {
      Type: 'Number',
      Description: `Port of the API origin: ${API_PORT} for the instance, 80 for the load balancer.`,
      Default: API_PORT,
      AllowedValues: [API_PORT, HTTP_PORT],
    },
    'Storefront',
  );
  const apiOriginArn = template.parameter(
    STACK_PARAMETERS.apiOriginArn,
    {
      Type: 'String',
      Description:
        'ARN of the private API origin (the internal load balancer, or the instance outside dev) CloudFront reaches through a VPC origin, never across the internet. Empty: ApiOriginDomain over the internet (the single instance in dev). infra:deploy sets it from the ec2 stack.',
      Default: '',
      AllowedPattern: '^$|^arn:aws[a-z-]*:(ec2|elasticloadbalancing):[a-z0-9-]+:[0-9]{12}:.+$',
    },
    'Storefront',
  );
  const cloudFrontPrefixList = template.parameter(
    STACK_PARAMETERS.cloudFrontPrefixListId,
    {
      Type: 'String',
      Description: `Id of the managed prefix list ${CLOUDFRONT_ORIGIN_PREFIX_LIST} in this region (infra:deploy looks it up): the only source the API security groups admit.`,
      AllowedPattern: '^pl-[0-9a-f]+$',
      ConstraintDescription: 'a prefix list id such as pl-3b927c52',
    },
    'Network',
  );
  const hasWebOrigin = template.condition(
    STACK_CONDITIONS.hasWebOrigin,
    not(equals(webOrigin.ref(), '')),
  );
  const hasApiOrigin = template.condition(
    STACK_CONDITIONS.hasApiOrigin,
    not(equals(apiOriginDomain.ref(), '')),
  );
  const hasVpcOrigin = template.condition(
    STACK_CONDITIONS.hasVpcOrigin,
    allOf({ Condition: hasApiOrigin }, not(equals(apiOriginArn.ref(), ''))),
  );

  const logsKey = addLogsKey(template);
  const network = addNetwork(template, { sshCidr, natGateway }, logsKey);
  const { ec2SecurityGroup, databaseSecurityGroup } = addSecurityGroups(
    template,
    network.vpc,
    sshCidr.ref(),
    network.hasSshCidr,
    cloudFrontPrefixList.ref(),
  );

  const accessLogs = addAccessLogsBucket(template);
  const website = addBucket(template, {
    logicalId: 'WebsiteBucket',
    key: 'website',
    logs: { bucketName: accessLogs.ref(), prefix: 's3/website/' },
    lifecycleRules: [EXPIRE_NONCURRENT],
  });
  // The images bucket's domain is spelled out rather than read from the bucket, so the
  // distribution does not depend on the bucket, whose CORS rule names the distribution.
  const imagesBucketDomain = sub(`\${Name}.s3.\${AWS::Region}.\${AWS::URLSuffix}`, {
    Name: envBucketName('images'),
  });
  const distribution = addCdn(template, {
    websiteBucket: website,
    imagesBucketDomain,
    accessLogsBucket: accessLogs,
    apiOriginDomain,
    apiOriginPort,
    apiOriginArn,
    hasApiOrigin,
    hasVpcOrigin,
  });
  const distributionOrigin = sub('https://${Distribution.DomainName}');
  const images = addBucket(template, {
    logicalId: 'ImagesBucket',
    key: 'images',
    logs: { bucketName: accessLogs.ref(), prefix: 's3/images/' },
    requestMetrics: true,
    lifecycleRules: [
      {
        Id: 'tier-old-images',
        Status: 'Enabled',
        // Only classes CloudFront can read without a restore: GLACIER would turn every image
        // older than three months into a 403. Glacier Instant Retrieval answers in milliseconds.
        Transitions: [
          { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
          { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
        ],
      },
      EXPIRE_NONCURRENT,
    ],
    cors: {
      CorsRules: [
        {
          // Browsers upload with the presigned PUT URL the API hands out, and read through CloudFront.
          AllowedMethods: ['GET', 'HEAD', 'PUT'],
          AllowedOrigins: [distributionOrigin, fnIf(hasWebOrigin, webOrigin.ref(), AWS_NO_VALUE)],
          AllowedHeaders: ['Content-Type', 'Content-MD5', 'x-amz-*'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3000,
        },
      ],
    },
  });
  const artifacts = addBucket(template, {
    logicalId: 'ArtifactsBucket',
    key: 'artifacts',
    logs: { bucketName: accessLogs.ref(), prefix: 's3/artifacts/' },
    lifecycleRules: [EXPIRE_NONCURRENT],
  });

  const cloudFrontRead = (bucket: Bucket, keys: string) =>
    addBucketPolicy(template, bucket, [
      {
        Sid: 'CloudFrontReadsThroughOac',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: sub(`\${Arn}/${keys}`, { Arn: bucket.getAtt('Arn') }),
        Condition: {
          StringEquals: {
            'AWS:SourceArn': sub(
              'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}',
            ),
          },
        },
      },
    ]);
  cloudFrontRead(website, '*');
  cloudFrontRead(images, `${IMAGES_KEY_PREFIX}*`);
  const deployers = deployerPrincipalsParameter(template);
  addBucketPolicy(template, artifacts, [
    {
      // Instances boot what api:deploy recorded and verify it against the digest in SSM; on
      // top of that, nobody but the deployer may put anything where releases live.
      Sid: 'OnlyTheDeployerWritesApiReleases',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: join('', [artifacts.getAtt('Arn'), `/${API_RELEASES_KEY_PREFIX}*`]),
      Condition: { ArnNotLike: { 'aws:PrincipalArn': deployers.ref() } },
    },
  ]);

  stackOutputs(template, 'main', {
    vpcId: {
      Description: 'VPC',
      Value: network.vpc.ref(),
    },
    vpcCidr: {
      Description: 'VPC CIDR',
      Value: network.vpc.getAtt('CidrBlock'),
    },
    publicSubnetId: {
      Description: `Public subnet ${NETWORK.publicSubnetCidr}`,
      Value: network.publicSubnet.ref(),
    },
    publicSubnet2Id: {
      Description: `Second-AZ public subnet ${NETWORK.publicSubnet2Cidr}`,
      Value: network.publicSubnet2.ref(),
    },
    privateSubnetId: {
      Description: `Private subnet ${NETWORK.privateSubnetCidr}`,
      Value: network.privateSubnet.ref(),
    },
    privateSubnet2Id: {
      Description: `Second-AZ private subnet ${NETWORK.privateSubnet2Cidr}`,
      Value: network.privateSubnet2.ref(),
    },
    ec2SecurityGroupId: {
      Description: 'Security group of the API instances',
      Value: ec2SecurityGroup.getAtt('GroupId'),
    },
    databaseSecurityGroupId: {
      Description: 'Security group reserved for VPC-internal data stores',
      Value: databaseSecurityGroup.getAtt('GroupId'),
    },
    cloudFrontPrefixListId: {
      Description: 'CloudFront origin-facing prefix list the API security groups admit',
      Value: cloudFrontPrefixList.ref(),
    },
    logsKeyArn: {
      Description: 'KMS key of the CloudWatch Logs groups',
      Value: logsKey.getAtt('Arn'),
    },
    websiteBucketName: {
      Description: 'Storefront bucket (private, served by CloudFront)',
      Value: website.ref(),
    },
    websiteBucketArn: {
      Description: 'Storefront bucket ARN',
      Value: website.getAtt('Arn'),
    },
    imagesBucketName: {
      Description: `Product images bucket (keys under ${IMAGES_KEY_PREFIX})`,
      Value: images.ref(),
    },
    imagesBucketArn: {
      Description: 'Product images bucket ARN',
      Value: images.getAtt('Arn'),
    },
    artifactsBucketName: {
      Description: 'Application artifacts bucket',
      Value: artifacts.ref(),
    },
    artifactsBucketArn: {
      Description: 'Application artifacts bucket ARN',
      Value: artifacts.getAtt('Arn'),
    },
    accessLogsBucketName: {
      Description: 'S3 and CloudFront access logs',
      Value: accessLogs.ref(),
    },
    distributionId: {
      Description: 'CloudFront distribution (invalidate after a storefront deploy)',
      Value: distribution.ref(),
    },
    distributionDomainName: {
      Description: 'CloudFront domain',
      Value: distribution.getAtt('DomainName'),
    },
    websiteUrl: {
      Description: 'Storefront URL',
      Value: distributionOrigin,
    },
  });
  return template.build();
}

function addLogsKey(template: TemplateBuilder): ResourceHandle<'AWS::KMS::Key'> {
  const key = template.resource(
    'LogsKey',
    'AWS::KMS::Key',
    {
      Description: envName('logs'),
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          ...keyAdministration(),
          {
            Sid: 'CloudWatchLogsOfThisEnvironment',
            Effect: 'Allow',
            Principal: { Service: sub('logs.${AWS::Region}.amazonaws.com') },
            Action: [
              'kms:Encrypt*',
              'kms:Decrypt*',
              'kms:ReEncrypt*',
              'kms:GenerateDataKey*',
              'kms:Describe*',
            ],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': sub(
                  `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${envLogGroupText('*')}`,
                ),
              },
            },
          },
        ],
      },
    },
    { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' },
  );
  template.resource('LogsKeyAlias', 'AWS::KMS::Alias', {
    AliasName: sub(`alias/${envNameText('logs')}`),
    TargetKeyId: key.ref(),
  });
  return key;
}

function addSecurityGroups(
  template: TemplateBuilder,
  vpc: ResourceHandle<'AWS::EC2::VPC'>,
  sshCidr: Str,
  hasSshCidr: string,
  cloudFrontPrefixList: Str,
) {
  const ec2SecurityGroup = template.resource(
    'Ec2SecurityGroup',
    'AWS::EC2::SecurityGroup',
    {
      GroupName: envName('ec2'),
      GroupDescription:
        'API instances: the API port from CloudFront and the load balancer only; SSH only from SshCidr',
      VpcId: vpc.ref(),
      SecurityGroupIngress: [
        {
          IpProtocol: 'tcp',
          FromPort: API_PORT,
          ToPort: API_PORT,
          SourcePrefixListId: cloudFrontPrefixList,
          Description: 'API from CloudFront (origin-facing addresses): no way around the CDN',
        },
        {
          IpProtocol: 'tcp',
          FromPort: API_PORT,
          ToPort: API_PORT,
          CidrIp: NETWORK.vpcCidr,
          Description: 'API from the load balancer (auto scaling mode)',
        },
        fnIf(
          hasSshCidr,
          {
            IpProtocol: 'tcp',
            FromPort: SSH_PORT,
            ToPort: SSH_PORT,
            CidrIp: sshCidr,
            Description: 'SSH from the operator CIDR',
          },
          AWS_NO_VALUE,
        ),
      ],
      SecurityGroupEgress: [
        {
          IpProtocol: 'tcp',
          FromPort: HTTPS_PORT,
          ToPort: HTTPS_PORT,
          CidrIp: '0.0.0.0/0',
          Description: 'AWS APIs, package repositories',
        },
        {
          IpProtocol: 'tcp',
          FromPort: HTTP_PORT,
          ToPort: HTTP_PORT,
          CidrIp: '0.0.0.0/0',
          Description: 'Package repositories',
        },
      ],
      Tags: [nameTag('ec2-sg')],
    },
    {
      guardExceptions: [
        {
          rule: 'CT.EC2.PR.3',
          reason: `Only ${API_PORT} is open, to CloudFront's origin-facing prefix list and the VPC (the load balancer); cfn-guard cannot see that a prefix list is not the internet. SSH stays closed unless SshCidr is set.`,
        },
      ],
    },
  );
  const databaseSecurityGroup = template.resource(
    'DatabaseSecurityGroup',
    'AWS::EC2::SecurityGroup',
    {
      GroupName: envName('database'),
      GroupDescription:
        'Reserved for VPC-internal data stores (RDS, ElastiCache): reachable from the API instances only',
      VpcId: vpc.ref(),
      SecurityGroupIngress: [
        {
          IpProtocol: 'tcp',
          FromPort: 5432,
          ToPort: 5432,
          SourceSecurityGroupId: ec2SecurityGroup.getAtt('GroupId'),
          Description: 'PostgreSQL from the API instances',
        },
        {
          IpProtocol: 'tcp',
          FromPort: 6379,
          ToPort: 6379,
          SourceSecurityGroupId: ec2SecurityGroup.getAtt('GroupId'),
          Description: 'Redis from the API instances',
        },
      ],
      // A rule that matches nothing replaces the default allow-all egress: data stores never call out.
      SecurityGroupEgress: [
        {
          IpProtocol: 'icmp',
          FromPort: 252,
          ToPort: 86,
          CidrIp: '255.255.255.255/32',
          Description: 'Disallow all egress',
        },
      ],
      Tags: [nameTag('database-sg')],
    },
  );
  return { ec2SecurityGroup, databaseSecurityGroup };
}

function addAccessLogsBucket(template: TemplateBuilder): Bucket {
  const bucket = addBucket(template, {
    logicalId: 'AccessLogsBucket',
    key: 'accessLogs',
    // CloudFront standard logging writes through the awslogsdelivery ACL, so ACLs stay enabled here.
    ownership: 'BucketOwnerPreferred',
    lifecycleRules: [
      { Id: 'expire-logs', Status: 'Enabled', ExpirationInDays: 365 },
      EXPIRE_NONCURRENT,
    ],
    extraGuardExceptions: [
      {
        rule: 'CT.S3.PR.2',
        reason:
          'This is the access-log bucket; logging it into itself would log its own log deliveries forever.',
      },
    ],
  });
  addBucketPolicy(template, bucket, [
    {
      Sid: 'S3ServerAccessLogs',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: sub('${Arn}/s3/*', { Arn: bucket.getAtt('Arn') }),
      Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
    },
  ]);
  return bucket;
}
