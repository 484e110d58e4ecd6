import {
  AGENT_METRICS_NAMESPACE,
  APP_METRICS,
  METRICS_DIMENSION,
  METRICS_NAMESPACE,
  STACK_INPUTS,
  STACK_PARAMETERS,
  TABLE_KEYS,
  STACK_CONDITIONS,
} from '@mini-ecommerce/stack-model';
import type { ResourceProps } from '../model/generated/cfn-resources';
import { type Expr, equals, fnIf, not, sub } from '../model/intrinsics';
import type { ResourceHandle, TemplateBuilder, TemplateDocument } from '../model/template';
import type { JsonValue } from '../model/values';
import {
  IS_PROD,
  LOG_RETENTION_DAYS,
  envLogGroupName,
  envLogGroupText,
  envName,
  envNameText,
  importFrom,
  stackOutput,
  stackTemplate,
} from './common';
import { EXPIRE_NONCURRENT, addBucket } from './main/buckets';
import { denyInsecureTransport, keyAdministration } from './shared-policies';

const USE_ASG = STACK_CONDITIONS.useAutoScaling;
const SINGLE = STACK_CONDITIONS.useSingleInstance;
const CREATE_TRAIL = STACK_CONDITIONS.createTrail;
/** Operations the API performs; DynamoDB reports system errors per operation. */
const TABLE_OPERATIONS = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'TransactWriteItems',
] as const;

type AlarmProps = ResourceProps['AWS::CloudWatch::Alarm'];
type Dimension = { readonly Name: Expr; readonly Value: Expr };

/** monitoring-stack.yml: alarm topic, alarms, dashboard and the optional CloudTrail trail. */
export function monitoringStack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce monitoring: KMS-encrypted alarm topic with email and SMS subscriptions, alarms on the instances, tables, buckets and application metrics, a dashboard, and an optional CloudTrail trail.',
    { isProd: true },
  );
  const email = template.parameter(
    STACK_PARAMETERS.alarmEmail,
    {
      Type: 'String',
      Description: 'Email address for alarm notifications. Empty for none.',
      Default: '',
    },
    'Notifications',
  );
  const sms = template.parameter(
    STACK_PARAMETERS.alarmSmsNumber,
    {
      Type: 'String',
      Description:
        'Phone number in E.164 form (+15555550100) for alarm text messages. Empty for none.',
      Default: '',
      AllowedPattern: '^$|^\\+[1-9][0-9]{6,14}$',
    },
    'Notifications',
  );
  // What to watch, passed by infra:deploy from the ec2 stack's outputs (STACK_INPUTS): parameters,
  // not imports, so replacing the instance or toggling auto scaling never meets "export in use".
  const computeInput = (key: keyof typeof STACK_INPUTS.monitoring, description: string) =>
    template.parameter(
      STACK_PARAMETERS[key],
      { Type: 'String', Description: `${description} ('none' when absent).`, Default: 'none' },
      'Compute',
    );
  const instanceId = computeInput('instanceId', 'The single API instance');
  const asgName = computeInput('autoScalingGroupName', 'The API Auto Scaling group');
  const loadBalancer = computeInput(
    'loadBalancerFullName',
    'Full name of the API load balancer (app/...)',
  );
  const targetGroup = computeInput(
    'targetGroupFullName',
    'Full name of the API target group (targetgroup/...)',
  );
  const enableTrail = template.parameter(
    STACK_PARAMETERS.enableCloudTrail,
    {
      Type: 'String',
      Description: 'Create a CloudTrail trail (for accounts without an organisation trail).',
      Default: 'false',
      AllowedValues: ['true', 'false'],
    },
    'Audit',
  );
  template.condition(STACK_CONDITIONS.hasEmail, not(equals(email.ref(), '')));
  template.condition(STACK_CONDITIONS.hasSms, not(equals(sms.ref(), '')));
  template.condition(USE_ASG, not(equals(asgName.ref(), 'none')));
  template.condition(SINGLE, equals(asgName.ref(), 'none'));
  template.condition(CREATE_TRAIL, equals(enableTrail.ref(), 'true'));

  const key = addMonitoringKey(template);
  const topic = template.resource('AlarmTopic', 'AWS::SNS::Topic', {
    TopicName: envName('alarms'),
    DisplayName: envName('alarms'),
    KmsMasterKeyId: key.getAtt('Arn'),
  });
  template.resource('AlarmTopicPolicy', 'AWS::SNS::TopicPolicy', {
    Topics: [topic.ref()],
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: topic.ref(),
          Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
        },
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: topic.ref(),
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
  });
  template.resource(
    'AlarmEmailSubscription',
    'AWS::SNS::Subscription',
    { TopicArn: topic.ref(), Protocol: 'email', Endpoint: email.ref() },
    { condition: STACK_CONDITIONS.hasEmail },
  );
  template.resource(
    'AlarmSmsSubscription',
    'AWS::SNS::Subscription',
    { TopicArn: topic.ref(), Protocol: 'sms', Endpoint: sms.ref() },
    { condition: STACK_CONDITIONS.hasSms },
  );

  const alarms = new Alarms(template, topic);
  const compute: Dimension[] = [
    {
      Name: fnIf(USE_ASG, 'AutoScalingGroupName', 'InstanceId'),
      Value: fnIf(USE_ASG, asgName.ref(), instanceId.ref()),
    },
  ];
  alarms.add('CpuHighAlarm', 'EC2 CPU above 80% for 15 minutes', {
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: compute,
    Statistic: 'Average',
    Period: 300,
    EvaluationPeriods: 3,
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold',
  });
  alarms.add('MemoryHighAlarm', 'Memory use above 85% (CloudWatch agent)', {
    Namespace: AGENT_METRICS_NAMESPACE,
    MetricName: 'mem_used_percent',
    Dimensions: compute,
    Statistic: 'Average',
    Period: 300,
    EvaluationPeriods: 3,
    Threshold: 85,
    ComparisonOperator: 'GreaterThanThreshold',
  });
  alarms.add('DiskHighAlarm', 'Root volume above 80% full (CloudWatch agent)', {
    Namespace: AGENT_METRICS_NAMESPACE,
    MetricName: 'disk_used_percent',
    Dimensions: compute,
    Statistic: 'Maximum',
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold',
  });
  const instance: Dimension[] = [{ Name: 'InstanceId', Value: instanceId.ref() }];
  alarms.add(
    'SystemStatusCheckAlarm',
    'EC2 system status check failed: recover the instance onto healthy hardware',
    {
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed_System',
      Dimensions: instance,
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 2,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    },
    {
      condition: SINGLE,
      extraActions: [sub('arn:${AWS::Partition}:automate:${AWS::Region}:ec2:recover')],
    },
  );
  alarms.add(
    'InstanceStatusCheckAlarm',
    'EC2 instance status check failed: reboot the instance',
    {
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed_Instance',
      Dimensions: instance,
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    },
    {
      condition: SINGLE,
      extraActions: [sub('arn:${AWS::Partition}:automate:${AWS::Region}:ec2:reboot')],
    },
  );

  for (const tableKey of TABLE_KEYS) {
    const table: Dimension = {
      Name: 'TableName',
      Value: importFrom(`${tableKey}TableName` as const),
    };
    const id = tableKey[0]?.toUpperCase() + tableKey.slice(1);
    alarms.math(
      `${id}TableThrottleAlarm`,
      `${tableKey} table: requests throttled`,
      'FILL(r, 0) + FILL(w, 0)',
      [
        {
          Id: 'r',
          Namespace: 'AWS/DynamoDB',
          MetricName: 'ReadThrottleEvents',
          Dimensions: [table],
          Stat: 'Sum',
        },
        {
          Id: 'w',
          Namespace: 'AWS/DynamoDB',
          MetricName: 'WriteThrottleEvents',
          Dimensions: [table],
          Stat: 'Sum',
        },
      ],
      { Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' },
    );
    alarms.math(
      `${id}TableSystemErrorsAlarm`,
      `${tableKey} table: DynamoDB system errors`,
      TABLE_OPERATIONS.map((_, i) => `FILL(e${i}, 0)`).join(' + '),
      TABLE_OPERATIONS.map((operation, i) => ({
        Id: `e${i}`,
        Namespace: 'AWS/DynamoDB',
        MetricName: 'SystemErrors',
        Dimensions: [table, { Name: 'Operation', Value: operation }],
        Stat: 'Sum',
      })),
      { Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' },
    );
  }

  alarms.add('ImagesBucket5xxAlarm', 'Images bucket answering 5xx (S3 request metrics)', {
    Namespace: 'AWS/S3',
    MetricName: '5xxErrors',
    Statistic: 'Sum',
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanThreshold',
    Dimensions: [
      { Name: 'BucketName', Value: importFrom('imagesBucketName') },
      { Name: 'FilterId', Value: 'EntireBucket' },
    ],
  });
  const appDimension: Dimension[] = [{ Name: METRICS_DIMENSION, Value: sub('${Environment}') }];
  alarms.math(
    'Api5xxRateAlarm',
    'API answering 5xx to more than 5% of requests',
    'IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)',
    [
      {
        Id: 'errors',
        Namespace: METRICS_NAMESPACE,
        MetricName: APP_METRICS.http5xx.name,
        Dimensions: appDimension,
        Stat: 'Sum',
      },
      {
        Id: 'requests',
        Namespace: METRICS_NAMESPACE,
        MetricName: APP_METRICS.requests.name,
        Dimensions: appDimension,
        Stat: 'Sum',
      },
    ],
    { Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 2 },
  );
  // Missing heartbeats are the point: a crashed, hung or stopped API writes none.
  alarms.add('ApiDownAlarm', 'API not running: no heartbeat from any API process for 3 minutes', {
    Namespace: METRICS_NAMESPACE,
    MetricName: APP_METRICS.heartbeat.name,
    Dimensions: appDimension,
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 3,
    Threshold: 1,
    ComparisonOperator: 'LessThanThreshold',
    TreatMissingData: 'breaching',
  });
  const targets: Dimension[] = [
    { Name: 'LoadBalancer', Value: loadBalancer.ref() },
    { Name: 'TargetGroup', Value: targetGroup.ref() },
  ];
  alarms.add(
    'NoHealthyTargetAlarm',
    'Load balancer has no healthy API instance: the API is unreachable',
    {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HealthyHostCount',
      Dimensions: targets,
      Statistic: 'Minimum',
      Period: 60,
      EvaluationPeriods: 2,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    },
    { condition: USE_ASG },
  );
  alarms.add(
    'UnhealthyTargetsAlarm',
    'Load balancer reports unhealthy API instances for 5 minutes',
    {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'UnHealthyHostCount',
      Dimensions: targets,
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 5,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    },
    { condition: USE_ASG },
  );
  alarms.add(
    'LoadBalancer5xxAlarm',
    'Load balancer answering 5xx itself (no target could answer)',
    {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_ELB_5XX_Count',
      Dimensions: [{ Name: 'LoadBalancer', Value: loadBalancer.ref() }],
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
    },
    { condition: USE_ASG },
  );
  alarms.add(
    'Targets5xxAlarm',
    'API instances behind the load balancer answering 5xx',
    {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Dimensions: targets,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
    },
    { condition: USE_ASG },
  );
  alarms.add('CheckoutLatencyAlarm', 'Checkout p99 latency above 1 s', {
    Namespace: METRICS_NAMESPACE,
    MetricName: APP_METRICS.checkoutLatency.name,
    Dimensions: appDimension,
    ExtendedStatistic: 'p99',
    Period: 300,
    EvaluationPeriods: 3,
    Threshold: 1000,
    ComparisonOperator: 'GreaterThanThreshold',
    Unit: APP_METRICS.checkoutLatency.unit,
  });
  alarms.add(
    'OrdersStalledAlarm',
    'No order placed for 6 hours (prod)',
    {
      Namespace: METRICS_NAMESPACE,
      MetricName: APP_METRICS.ordersPlaced.name,
      Dimensions: appDimension,
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 6,
      DatapointsToAlarm: 6,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    },
    { condition: IS_PROD },
  );

  addDashboard(template, alarms.unconditional(), fnIf(USE_ASG, asgName.ref(), instanceId.ref()));
  addTrail(template, key);

  stackOutput(template, 'alarmTopicArn', {
    Description: 'Alarm notifications topic',
    Value: topic.ref(),
  });
  return template.build();
}

/** Alarms that all notify the topic on ALARM and OK. */
class Alarms {
  private readonly created: {
    handle: ResourceHandle<'AWS::CloudWatch::Alarm'>;
    conditional: boolean;
  }[] = [];
  constructor(
    private readonly template: TemplateBuilder,
    private readonly topic: ResourceHandle<'AWS::SNS::Topic'>,
  ) {}

  add(
    id: string,
    description: string,
    metric: Omit<
      AlarmProps,
      'AlarmName' | 'AlarmDescription' | 'AlarmActions' | 'OKActions' | 'ActionsEnabled'
    >,
    options: { condition?: string; extraActions?: Expr[] } = {},
  ): void {
    const handle = this.template.resource(
      id,
      'AWS::CloudWatch::Alarm',
      {
        AlarmName: envName(kebab(id.replace(/Alarm$/, ''))),
        AlarmDescription: description,
        ActionsEnabled: true,
        AlarmActions: [this.topic.ref(), ...(options.extraActions ?? [])],
        OKActions: [this.topic.ref()],
        TreatMissingData: 'notBreaching',
        ...metric,
      },
      options.condition ? { condition: options.condition } : {},
    );
    this.created.push({ handle, conditional: Boolean(options.condition) });
  }

  math(
    id: string,
    description: string,
    expression: string,
    metrics: readonly {
      Id: string;
      Namespace: string;
      MetricName: string;
      Dimensions: readonly Dimension[];
      Stat: string;
    }[],
    threshold: Pick<AlarmProps, 'Threshold' | 'ComparisonOperator'> & {
      EvaluationPeriods?: number;
    },
  ): void {
    this.add(id, description, {
      EvaluationPeriods: threshold.EvaluationPeriods ?? 1,
      Threshold: threshold.Threshold,
      ComparisonOperator: threshold.ComparisonOperator,
      Metrics: [
        { Id: 'result', Expression: expression, Label: description, ReturnData: true },
        ...metrics.map((m) => ({
          Id: m.Id,
          ReturnData: false,
          MetricStat: {
            Metric: { Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions },
            Period: 300,
            Stat: m.Stat,
          },
        })),
      ],
    });
  }

  unconditional(): ResourceHandle<'AWS::CloudWatch::Alarm'>[] {
    return this.created.filter((a) => !a.conditional).map((a) => a.handle);
  }
}

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function addMonitoringKey(template: TemplateBuilder): ResourceHandle<'AWS::KMS::Key'> {
  const key = template.resource(
    'MonitoringKey',
    'AWS::KMS::Key',
    {
      Description: envName('monitoring'),
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          ...keyAdministration(),
          {
            // Alarms publish to the encrypted topic; CloudWatch needs the data key to do so.
            Sid: 'CloudWatchAlarmsUseTopicKey',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
          },
          {
            Sid: 'CloudTrailEncryptsLogFiles',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
            Resource: '*',
            Condition: {
              StringLike: {
                'kms:EncryptionContext:aws:cloudtrail:arn': sub(
                  'arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*',
                ),
              },
              StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') },
            },
          },
        ],
      },
    },
    { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' },
  );
  template.resource('MonitoringKeyAlias', 'AWS::KMS::Alias', {
    AliasName: sub(`alias/${envNameText('monitoring')}`),
    TargetKeyId: key.ref(),
  });
  return key;
}

function addDashboard(
  template: TemplateBuilder,
  alarms: ResourceHandle<'AWS::CloudWatch::Alarm'>[],
  computeId: Expr,
): void {
  const variables: Record<string, Expr> = {
    ComputeDimension: fnIf(USE_ASG, 'AutoScalingGroupName', 'InstanceId'),
    ComputeId: computeId,
    ImagesBucket: importFrom('imagesBucketName'),
  };
  for (const key of TABLE_KEYS) variables[`${key}Table`] = importFrom(`${key}TableName` as const);
  alarms.forEach((alarm, i) => (variables[`Alarm${i}`] = alarm.getAtt('Arn')));

  const metricWidget = (
    title: string,
    metrics: JsonValue[],
    extra: Record<string, JsonValue> = {},
  ): JsonValue => ({
    type: 'metric',
    width: 12,
    height: 6,
    properties: {
      title,
      region: '${AWS::Region}',
      view: 'timeSeries',
      stat: 'Average',
      period: 300,
      metrics,
      ...extra,
    },
  });
  const app = (name: string, stat: string) => [
    METRICS_NAMESPACE,
    name,
    METRICS_DIMENSION,
    '${Environment}',
    { stat },
  ];
  const compute = (namespace: string, name: string) => [
    namespace,
    name,
    '${ComputeDimension}',
    '${ComputeId}',
  ];
  const widgets: JsonValue[] = [
    {
      type: 'alarm',
      width: 24,
      height: 4,
      properties: { title: 'Alarms', alarms: alarms.map((_, i) => `\${Alarm${i}}`) },
    },
    metricWidget('Orders placed', [app(APP_METRICS.ordersPlaced.name, 'Sum')]),
    metricWidget('Checkout latency p99 (ms)', [app(APP_METRICS.checkoutLatency.name, 'p99')]),
    metricWidget('API requests and 5xx', [
      app(APP_METRICS.requests.name, 'Sum'),
      app(APP_METRICS.http5xx.name, 'Sum'),
    ]),
    metricWidget('CPU, memory, disk (%)', [
      compute('AWS/EC2', 'CPUUtilization'),
      compute(AGENT_METRICS_NAMESPACE, 'mem_used_percent'),
      compute(AGENT_METRICS_NAMESPACE, 'disk_used_percent'),
    ]),
    metricWidget('EC2 status checks', [compute('AWS/EC2', 'StatusCheckFailed')], {
      stat: 'Maximum',
    }),
    metricWidget(
      'DynamoDB throttles',
      TABLE_KEYS.flatMap((k) => [
        ['AWS/DynamoDB', 'ReadThrottleEvents', 'TableName', `\${${k}Table}`, { stat: 'Sum' }],
        ['AWS/DynamoDB', 'WriteThrottleEvents', 'TableName', `\${${k}Table}`, { stat: 'Sum' }],
      ]),
    ),
    metricWidget(
      'DynamoDB consumed capacity',
      TABLE_KEYS.flatMap((k) => [
        [
          'AWS/DynamoDB',
          'ConsumedReadCapacityUnits',
          'TableName',
          `\${${k}Table}`,
          { stat: 'Sum' },
        ],
        [
          'AWS/DynamoDB',
          'ConsumedWriteCapacityUnits',
          'TableName',
          `\${${k}Table}`,
          { stat: 'Sum' },
        ],
      ]),
    ),
    metricWidget('Images bucket 5xx', [
      [
        'AWS/S3',
        '5xxErrors',
        'BucketName',
        '${ImagesBucket}',
        'FilterId',
        'EntireBucket',
        { stat: 'Sum' },
      ],
    ]),
  ];
  template.resource(
    'Dashboard',
    'AWS::CloudWatch::Dashboard',
    {
      DashboardName: envName('overview'),
      DashboardBody: sub(JSON.stringify({ widgets }), variables),
    },
    {
      untagged: true /* the service spec lists Tags for dashboards, but CloudFormation's schema rejects them */,
    },
  );
}

function addTrail(template: TemplateBuilder, key: ResourceHandle<'AWS::KMS::Key'>): void {
  const bucket = addBucket(template, {
    logicalId: 'TrailBucket',
    key: 'cloudTrail',
    logs: { bucketName: importFrom('accessLogsBucketName'), prefix: 's3/cloudtrail/' },
    lifecycleRules: [
      {
        Id: 'archive-trail',
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }],
        ExpirationInDays: 2555,
      },
      EXPIRE_NONCURRENT,
    ],
    condition: CREATE_TRAIL,
    extraGuardExceptions: [
      {
        rule: 'CT.S3.PR.2',
        reason:
          "Server access logs go to the main stack's access-log bucket, named through Fn::ImportValue, which cfn-guard cannot resolve.",
      },
    ],
  });
  const trailArn = sub(
    `arn:\${AWS::Partition}:cloudtrail:\${AWS::Region}:\${AWS::AccountId}:trail/${envNameText('trail')}`,
  );
  const bucketPolicy = template.resource(
    'TrailBucketPolicy',
    'AWS::S3::BucketPolicy',
    {
      Bucket: bucket.ref(),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          denyInsecureTransport(bucket.getAtt('Arn')),
          {
            Sid: 'CloudTrailAclCheck',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:GetBucketAcl',
            Resource: bucket.getAtt('Arn'),
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
          {
            Sid: 'CloudTrailWrite',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: sub('${Arn}/AWSLogs/${AWS::AccountId}/*', { Arn: bucket.getAtt('Arn') }),
            Condition: {
              StringEquals: {
                'aws:SourceArn': trailArn,
                's3:x-amz-acl': 'bucket-owner-full-control',
              },
            },
          },
        ],
      },
    },
    { condition: CREATE_TRAIL },
  );
  const logGroup = template.resource(
    'TrailLogGroup',
    'AWS::Logs::LogGroup',
    {
      LogGroupName: envLogGroupName('cloudtrail'),
      RetentionInDays: LOG_RETENTION_DAYS,
      KmsKeyId: importFrom('logsKeyArn'),
    },
    {
      condition: CREATE_TRAIL,
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Retain',
      guardExceptions: [
        {
          rule: 'CT.CLOUDWATCH.PR.3',
          reason:
            "Encrypted with the main stack's logs key, passed as KmsKeyId through Fn::ImportValue, which cfn-guard cannot resolve.",
        },
      ],
    },
  );
  const role = template.resource(
    'TrailLogsRole',
    'AWS::IAM::Role',
    {
      RoleName: envName('cloudtrail-logs'),
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'write-trail-logs',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                Resource: sub(
                  `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${envLogGroupText('cloudtrail')}:log-stream:*`,
                ),
              },
            ],
          },
        },
      ],
    },
    { condition: CREATE_TRAIL },
  );
  template.resource(
    'Trail',
    'AWS::CloudTrail::Trail',
    {
      TrailName: envName('trail'),
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: bucket.ref(),
      KMSKeyId: key.getAtt('Arn'),
      CloudWatchLogsLogGroupArn: logGroup.getAtt('Arn'),
      CloudWatchLogsRoleArn: role.getAtt('Arn'),
    },
    { condition: CREATE_TRAIL, dependsOn: [bucketPolicy] },
  );
}
