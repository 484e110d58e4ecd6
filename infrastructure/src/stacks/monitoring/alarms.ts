import {
  AGENT_METRICS_NAMESPACE,
  APP_METRICS,
  METRICS_DIMENSION,
  METRICS_NAMESPACE,
  STACK_CONDITIONS,
  TABLE_KEYS,
} from '@mini-ecommerce/stack-model';
import type { ResourceProps } from '../../model/generated/cfn-resources';
import { type Expr, fnIf, sub } from '../../model/intrinsics';
import type { ParameterHandle, ResourceHandle, TemplateBuilder } from '../../model/template';
import { IS_PROD, envName, importFrom } from '../common';

const USE_ASG = STACK_CONDITIONS.useAutoScaling;
const SINGLE = STACK_CONDITIONS.useSingleInstance;
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
export type Dimension = { readonly Name: Expr; readonly Value: Expr };

/** What the alarms watch: the monitoring stack's parameters fed from the ec2 stack's outputs. */
export interface WatchedCompute {
  readonly instanceId: ParameterHandle;
  readonly asgName: ParameterHandle;
  readonly loadBalancer: ParameterHandle;
  readonly targetGroup: ParameterHandle;
}

/** The dimension that names the API's compute: the Auto Scaling group, or the single instance. */
export function computeDimension({
  instanceId,
  asgName,
}: Pick<WatchedCompute, 'instanceId' | 'asgName'>): Dimension {
  return {
    Name: fnIf(USE_ASG, 'AutoScalingGroupName', 'InstanceId'),
    Value: fnIf(USE_ASG, asgName.ref(), instanceId.ref()),
  };
}

/**
 * Every alarm of the monitoring stack: the compute (single instance or Auto Scaling group), the
 * tables, the buckets and the application's own metrics, all notifying the alarm topic.
 */
export function addAlarms(
  template: TemplateBuilder,
  topic: ResourceHandle<'AWS::SNS::Topic'>,
  { instanceId, asgName, loadBalancer, targetGroup }: WatchedCompute,
): Alarms {
  const alarms = new Alarms(template, topic);
  const compute: Dimension[] = [computeDimension({ instanceId, asgName })];
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
  // The same bar for the 5xx the load balancer answers itself and those its targets answer.
  for (const [id, description, metricName, dimensions] of [
    [
      'LoadBalancer5xxAlarm',
      'Load balancer answering 5xx itself (no target could answer)',
      'HTTPCode_ELB_5XX_Count',
      [{ Name: 'LoadBalancer', Value: loadBalancer.ref() }],
    ],
    [
      'Targets5xxAlarm',
      'API instances behind the load balancer answering 5xx',
      'HTTPCode_Target_5XX_Count',
      targets,
    ],
  ] as const) {
    alarms.add(
      id,
      description,
      {
        Namespace: 'AWS/ApplicationELB',
        MetricName: metricName,
        Dimensions: dimensions,
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
      },
      { condition: USE_ASG },
    );
  }
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

  return alarms;
}

/** Alarms that all notify the topic on ALARM and OK. */
export class Alarms {
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
