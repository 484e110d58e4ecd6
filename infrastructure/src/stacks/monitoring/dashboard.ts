import {
  AGENT_METRICS_NAMESPACE,
  APP_METRICS,
  METRICS_DIMENSION,
  METRICS_NAMESPACE,
  TABLE_KEYS,
} from '@mini-ecommerce/stack-model';
import { type Expr, sub } from '../../model/intrinsics';
import type { ResourceHandle, TemplateBuilder } from '../../model/template';
import type { JsonValue } from '../../model/values';
import { envName, importFrom } from '../common';
import type { Dimension } from './alarms';

export function addDashboard(
  template: TemplateBuilder,
  alarms: ResourceHandle<'AWS::CloudWatch::Alarm'>[],
  computeDimension: Dimension,
): void {
  const variables: Record<string, Expr> = {
    ComputeDimension: computeDimension.Name,
    ComputeId: computeDimension.Value,
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
