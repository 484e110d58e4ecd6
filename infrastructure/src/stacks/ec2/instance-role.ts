import {
  AGENT_METRICS_NAMESPACE,
  IMAGES_KEY_PREFIX,
  METRICS_NAMESPACE,
  apiReleasePrefix,
  TABLE_KEYS,
  parameterPath,
} from '@mini-ecommerce/stack-model';
import { sub, type Expr } from '../../model/intrinsics';
import type { ResourceHandle, TemplateBuilder } from '../../model/template';
import type { JsonValue } from '../../model/values';
import { ENV_PLACEHOLDER, envName, importFrom } from '../common';
import { assumableBy } from '../shared-policies';

export function addInstanceRole(
  template: TemplateBuilder,
  logGroups: ResourceHandle<'AWS::Logs::LogGroup'>[],
): ResourceHandle<'AWS::IAM::Role'> {
  const tableArns = TABLE_KEYS.flatMap((key) => {
    const arn = importFrom(`${key}TableArn` as const);
    return [arn, sub('${Arn}/index/*', { Arn: arn })];
  });
  const imagesArn = importFrom('imagesBucketArn');
  const artifactsArn = importFrom('artifactsBucketArn');
  const statement = (
    sid: string,
    actions: string[],
    resource: Expr | readonly Expr[],
    condition?: JsonValue,
  ) => ({
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: resource,
    ...(condition ? { Condition: condition } : {}),
  });
  return template.resource('InstanceRole', 'AWS::IAM::Role', {
    RoleName: envName('api-instance'),
    Description:
      'API instances: the application tables, buckets and parameters, its logs and metrics, Session Manager',
    AssumeRolePolicyDocument: assumableBy('ec2.amazonaws.com'),
    Policies: [
      {
        PolicyName: 'application',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            statement(
              'Tables',
              [
                'dynamodb:GetItem',
                'dynamodb:BatchGetItem',
                'dynamodb:Query',
                'dynamodb:PutItem',
                'dynamodb:UpdateItem',
                'dynamodb:DeleteItem',
                'dynamodb:BatchWriteItem',
                'dynamodb:ConditionCheckItem',
                'dynamodb:DescribeTable',
              ],
              tableArns,
            ),
            statement(
              'ProductImages',
              ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
              sub(`\${Arn}/${IMAGES_KEY_PREFIX}*`, { Arn: imagesArn }),
            ),
            // Boot installs the release nx run api:deploy recorded (api:deploy hands out presigned URLs instead).
            statement(
              'ApiReleases',
              ['s3:GetObject'],
              sub(`\${Arn}/${apiReleasePrefix(ENV_PLACEHOLDER)}*`, { Arn: artifactsArn }),
            ),
            statement('ListImages', ['s3:ListBucket'], imagesArn, {
              StringLike: { 's3:prefix': [`${IMAGES_KEY_PREFIX}*`] },
            }),
            statement(
              'ApplicationParameters',
              ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
              sub(
                `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${parameterPath(ENV_PLACEHOLDER)}/*`,
              ),
            ),
            statement(
              'ShipLogs',
              ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
              logGroups.map((g) => sub('${Arn}', { Arn: g.getAtt('Arn') })),
            ),
            // PutMetricData has no resource-level permissions; the namespace condition narrows it.
            statement('PublishMetrics', ['cloudwatch:PutMetricData'], '*', {
              StringEquals: {
                'cloudwatch:namespace': [METRICS_NAMESPACE, AGENT_METRICS_NAMESPACE],
              },
            }),
            // The agent reads the instance's tags (AutoScalingGroupName dimension); no resource-level permissions exist.
            statement('AgentDimensions', ['ec2:DescribeTags'], '*'),
          ],
        },
      },
      {
        // The actions of AmazonSSMManagedInstanceCore that Session Manager and Run Command need,
        // without its ssm:GetParameter on every parameter of the account.
        PolicyName: 'session-manager',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            statement(
              'SsmAgent',
              [
                'ssm:UpdateInstanceInformation',
                'ssm:ListInstanceAssociations',
                'ssm:UpdateInstanceAssociationStatus',
                'ssm:DescribeDocument',
                'ssm:GetDocument',
                'ssmmessages:CreateControlChannel',
                'ssmmessages:CreateDataChannel',
                'ssmmessages:OpenControlChannel',
                'ssmmessages:OpenDataChannel',
                'ec2messages:AcknowledgeMessage',
                'ec2messages:DeleteMessage',
                'ec2messages:FailMessage',
                'ec2messages:GetEndpoint',
                'ec2messages:GetMessages',
                'ec2messages:SendReply',
              ],
              '*',
            ),
          ],
        },
      },
    ],
  });
}
