import { API_PORT, STACK_PARAMETERS, STACK_CONDITIONS } from '@mini-ecommerce/stack-model';
import { allOf, base64, equals, fnIf, getAtt, not, ref, sub } from '../model/intrinsics';
import type { TemplateDocument } from '../model/template';
import {
  LOG_RETENTION_DAYS,
  envLogGroupName,
  envName,
  importFrom,
  nameTag,
  stackOutput,
  stackTemplate,
  deployerPrincipalsParameter,
  switchParameter,
} from './common';
import { userDataScript } from './ec2/user-data';
import { addAppParameters } from './ec2/app-parameters';
import { addInstanceRole } from './ec2/instance-role';
import { addJwtSecretKey } from './ec2/jwt-secret-key';
import { addLoadBalancer } from './ec2/load-balancer';

/** Amazon Linux 2023's public SSM parameter: always the current AMI of the region. */
export const AL2023_AMI_PARAMETER =
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
/** Nitro, x86_64 burstable types that fit the API's memory budget. */
export const INSTANCE_TYPES = [
  't3.micro',
  't3.small',
  't3.medium',
  't3a.micro',
  't3a.small',
  't3a.medium',
] as const;

const USE_ASG = STACK_CONDITIONS.useAutoScaling;
const NITRO_REASON = `The instance type is the InstanceType parameter, whose allowed values are all Nitro types (${INSTANCE_TYPES.join(', ')}); cfn-guard cannot resolve a parameter.`;
const LOG_KEY_REASON =
  "Encrypted with the main stack's logs key, passed as KmsKeyId through Fn::ImportValue, which cfn-guard cannot resolve.";
const SINGLE = STACK_CONDITIONS.useSingleInstance;
const PRIVATE = STACK_CONDITIONS.privateApi;
/** The API's subnet: private outside dev, public in dev. */
const apiSubnet = () => fnIf(PRIVATE, importFrom('privateSubnetId'), importFrom('publicSubnetId'));
/** The API's two subnets in two Availability Zones, for the load balancer and the group. */
const apiSubnets = () =>
  fnIf(
    PRIVATE,
    [importFrom('privateSubnetId'), importFrom('privateSubnet2Id')],
    [importFrom('publicSubnetId'), importFrom('publicSubnet2Id')],
  );

/** ec2-stack.ts: the API tier. One instance by default; an Auto Scaling group behind a load balancer on demand. */
export function ec2Stack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce API tier: launch template (IMDSv2, encrypted gp3), instance or load-balanced Auto Scaling group, least-privilege role, log groups and SSM configuration.',
    { isProd: true },
  );
  const instanceType = template.parameter(
    STACK_PARAMETERS.instanceType,
    {
      Type: 'String',
      Description: 'Instance type (Nitro, x86_64).',
      Default: 't3.micro',
      AllowedValues: INSTANCE_TYPES,
    },
    'Compute',
  );
  const amiId = template.parameter(
    STACK_PARAMETERS.latestAmiId,
    {
      Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      Description: 'Amazon Linux 2023 AMI, resolved from the public SSM parameter at deploy time.',
      Default: AL2023_AMI_PARAMETER,
    },
    'Compute',
  );
  const enableAutoScaling = switchParameter(
    template,
    STACK_PARAMETERS.enableAutoScaling,
    'true: an Application Load Balancer and an Auto Scaling group instead of the single instance. Pass the same value to the monitoring stack.',
    'Compute',
  );
  const minSize = template.parameter(
    STACK_PARAMETERS.asgMinSize,
    {
      Type: 'Number',
      Description: 'Auto Scaling group minimum size.',
      Default: 1,
      MinValue: 1,
      MaxValue: 10,
    },
    'Compute',
  );
  const maxSize = template.parameter(
    STACK_PARAMETERS.asgMaxSize,
    {
      Type: 'Number',
      Description: 'Auto Scaling group maximum size.',
      Default: 3,
      MinValue: 1,
      MaxValue: 10,
    },
    'Compute',
  );
  const allocateEip = switchParameter(
    template,
    STACK_PARAMETERS.allocateElasticIp,
    'Give the single instance a fixed public address (an Elastic IP).',
    'Compute',
  );
  const webOrigin = template.parameter(
    STACK_PARAMETERS.webOrigin,
    {
      Type: 'String',
      Description:
        "Origin of the storefront (https://...), for the API's CORS. Empty: the CloudFront URL from the main stack.",
      Default: '',
      // The value reaches the instance's environment: nothing but an origin gets through.
      AllowedPattern: '^$|^https://[a-z0-9.-]+(:[0-9]+)?$',
      ConstraintDescription: 'empty, or an https origin such as https://shop.example.com',
    },
    'Application',
  );
  const logLevel = template.parameter(
    STACK_PARAMETERS.logLevel,
    {
      Type: 'String',
      Description: 'API log level.',
      Default: 'info',
      AllowedValues: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'],
    },
    'Application',
  );
  template.condition(USE_ASG, equals(enableAutoScaling.ref(), 'true'));
  template.condition(SINGLE, equals(enableAutoScaling.ref(), 'false'));
  // Outside dev the API lives in the private subnets (out through the NAT gateway) and CloudFront
  // reaches it through a VPC origin; dev keeps it public to spare the NAT gateway's cost.
  template.condition(PRIVATE, not(equals(ref(STACK_PARAMETERS.environment), 'dev')));
  const withEip = template.condition(
    STACK_CONDITIONS.useElasticIp,
    allOf({ Condition: SINGLE }, equals(allocateEip.ref(), 'true'), not({ Condition: PRIVATE })),
  );
  const hasWebOrigin = template.condition(
    STACK_CONDITIONS.hasWebOrigin,
    not(equals(webOrigin.ref(), '')),
  );

  const logGroup = (id: string, name: string) =>
    template.resource(
      id,
      'AWS::Logs::LogGroup',
      {
        LogGroupName: envLogGroupName(name),
        RetentionInDays: LOG_RETENTION_DAYS,
        KmsKeyId: importFrom('logsKeyArn'),
      },
      {
        deletionPolicy: 'Retain',
        updateReplacePolicy: 'Retain',
        guardExceptions: [{ rule: 'CT.CLOUDWATCH.PR.3', reason: LOG_KEY_REASON }],
      },
    );
  // The log groups live with the instances: the agent starts shipping at boot, before the monitoring stack exists.
  const appLogs = logGroup('AppLogGroup', 'api');
  const systemLogs = logGroup('SystemLogGroup', 'system');

  addAppParameters(template, {
    webOrigin: fnIf(hasWebOrigin, webOrigin.ref(), importFrom('websiteUrl')),
    logLevel: logLevel.ref(),
  });
  const role = addInstanceRole(template, [appLogs, systemLogs]);
  const jwtSecretKey = addJwtSecretKey(template, role, deployerPrincipalsParameter(template).ref());
  const profile = template.resource('InstanceProfile', 'AWS::IAM::InstanceProfile', {
    InstanceProfileName: envName('api'),
    Roles: [role.ref()],
  });

  const launchTemplate = template.resource(
    'LaunchTemplate',
    'AWS::EC2::LaunchTemplate',
    {
      LaunchTemplateName: envName('api'),
      LaunchTemplateData: {
        ImageId: amiId.ref(),
        InstanceType: instanceType.ref(),
        IamInstanceProfile: { Arn: profile.getAtt('Arn') },
        SecurityGroupIds: [importFrom('ec2SecurityGroupId')],
        MetadataOptions: {
          HttpEndpoint: 'enabled',
          HttpTokens: 'required',
          HttpPutResponseHopLimit: 1,
        },
        Monitoring: { Enabled: true },
        EbsOptimized: true,
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
          },
        ],
        TagSpecifications: (['instance', 'volume'] as const).map((resourceType) => ({
          ResourceType: resourceType,
          Tags: [...template.standardTagList(), nameTag('api')],
        })),
        UserData: base64(
          sub(userDataScript(), {
            SignalResource: fnIf(USE_ASG, 'AutoScalingGroup', 'Instance'),
            ArtifactsBucket: importFrom('artifactsBucketName'),
          }),
        ),
      },
      TagSpecifications: [
        { ResourceType: 'launch-template', Tags: [...template.standardTagList()] },
      ],
    },
    { guardExceptions: [{ rule: 'CT.EC2.PR.15', reason: NITRO_REASON }] },
  );
  const launchTemplateRef = {
    LaunchTemplateId: launchTemplate.ref(),
    Version: launchTemplate.getAtt('LatestVersionNumber'),
  };
  const signalTimeout = 'PT15M';

  const instance = template.resource(
    'Instance',
    'AWS::EC2::Instance',
    {
      LaunchTemplate: launchTemplateRef,
      SubnetId: apiSubnet(),
      Monitoring: true,
      Tags: [nameTag('api')],
    },
    {
      condition: SINGLE,
      creationPolicy: { ResourceSignal: { Count: 1, Timeout: signalTimeout } },
      guardExceptions: [
        { rule: 'CT.EC2.PR.16', reason: NITRO_REASON },
        {
          rule: 'CT.EC2.PR.19',
          reason:
            'Encryption in transit between instances needs larger Nitro types than t3.micro; this instance talks to no other instance, only to clients and AWS APIs over TLS.',
        },
        {
          rule: 'CT.EC2.PR.8',
          reason:
            'In dev the single API instance sits in a public subnet and gets a public address from it: without a NAT gateway it needs one to reach package repositories; its security group admits only CloudFront. Outside dev it sits in the private subnets with no public address.',
        },
      ],
    },
  );
  template.resource(
    'ElasticIp',
    'AWS::EC2::EIP',
    { Domain: 'vpc', InstanceId: instance.ref(), Tags: [nameTag('api-eip')] },
    { condition: withEip },
  );

  const alb = addLoadBalancer(template);
  const asg = template.resource(
    'AutoScalingGroup',
    'AWS::AutoScaling::AutoScalingGroup',
    {
      AutoScalingGroupName: envName('api'),
      LaunchTemplate: launchTemplateRef,
      MinSize: minSize.ref(),
      MaxSize: maxSize.ref(),
      VPCZoneIdentifier: apiSubnets(),
      TargetGroupARNs: [alb.targetGroup.ref()],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      MetricsCollection: [{ Granularity: '1Minute' }],
      Tags: [{ ...nameTag('api'), PropagateAtLaunch: true }],
    },
    {
      condition: USE_ASG,
      creationPolicy: { ResourceSignal: { Count: minSize.ref(), Timeout: signalTimeout } },
      updatePolicy: {
        AutoScalingRollingUpdate: {
          MinInstancesInService: minSize.ref(),
          MaxBatchSize: 1,
          PauseTime: signalTimeout,
          WaitOnResourceSignals: true,
        },
      },
      guardExceptions: [
        {
          rule: 'CT.AUTOSCALING.PR.6',
          reason:
            'One instance type, chosen by the InstanceType parameter, keeps capacity and memory budgets predictable for this small API; a mixed instances policy brings no benefit at this size.',
        },
        {
          rule: 'CT.AUTOSCALING.PR.1',
          reason:
            'VPCZoneIdentifier lists two subnets of the main stack (private outside dev, public in dev), in two Availability Zones; they arrive through Fn::ImportValue, which cfn-guard cannot resolve.',
        },
      ],
    },
  );

  stackOutput(template, 'instanceRoleArn', {
    Description: 'Role of the API instances',
    Value: role.getAtt('Arn'),
  });
  stackOutput(template, 'jwtSecretKeyArn', {
    Description: 'Customer-managed key of the JWT secret (only the instance role decrypts with it)',
    Value: jwtSecretKey.getAtt('Arn'),
  });
  stackOutput(template, 'amiId', {
    Description: 'The AMI the API instances run (LatestAmiId as resolved on this deploy)',
    Value: amiId.ref(),
  });
  stackOutput(template, 'instanceId', {
    Description: 'The single API instance (none in Auto Scaling mode)',
    Value: fnIf(SINGLE, instance.ref(), 'none'),
  });
  stackOutput(template, 'autoScalingGroupName', {
    Description: 'The Auto Scaling group (none in single-instance mode)',
    Value: fnIf(USE_ASG, asg.ref(), 'none'),
  });
  stackOutput(template, 'loadBalancerDnsName', {
    Description: 'Load balancer DNS name (none in single-instance mode)',
    Value: fnIf(USE_ASG, alb.loadBalancer.getAtt('DNSName'), 'none'),
  });
  stackOutput(template, 'loadBalancerFullName', {
    Description: 'Load balancer full name for CloudWatch dimensions (none in single-instance mode)',
    Value: fnIf(USE_ASG, alb.loadBalancer.getAtt('LoadBalancerFullName'), 'none'),
  });
  stackOutput(template, 'targetGroupFullName', {
    Description: 'Target group full name for CloudWatch dimensions (none in single-instance mode)',
    Value: fnIf(USE_ASG, alb.targetGroup.getAtt('TargetGroupFullName'), 'none'),
  });
  stackOutput(template, 'apiUrl', {
    Description:
      'Base URL of the API: the load balancer, or the instance (its private DNS name outside dev)',
    Value: fnIf(
      USE_ASG,
      sub('http://${ApplicationLoadBalancer.DNSName}'),
      sub(`http://\${Host}:${API_PORT}`, {
        Host: fnIf(
          PRIVATE,
          getAtt('Instance', 'PrivateDnsName'),
          getAtt('Instance', 'PublicDnsName'),
        ),
      }),
    ),
  });
  stackOutput(template, 'apiOriginArn', {
    Description:
      'The private API origin CloudFront reaches through a VPC origin: the internal load balancer, or the instance outside dev (none for the single instance in dev)',
    Value: fnIf(
      USE_ASG,
      alb.loadBalancer.ref(),
      fnIf(
        PRIVATE,
        sub('arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${Instance}'),
        'none',
      ),
    ),
  });
  stackOutput(template, 'applicationLogGroupName', {
    Description: 'API log group',
    Value: appLogs.ref(),
  });
  return template.build();
}
