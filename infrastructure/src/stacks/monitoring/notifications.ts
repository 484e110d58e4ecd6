import { STACK_CONDITIONS } from '@mini-ecommerce/stack-model';
import { sub } from '../../model/intrinsics';
import type { ParameterHandle, ResourceHandle, TemplateBuilder } from '../../model/template';
import { envName, envNameText } from '../common';
import { keyAdministration } from '../shared-policies';

/**
 * The alarm topic, encrypted with the monitoring key, that CloudWatch alarms of this account may
 * publish to over TLS only, with the optional email and SMS subscriptions.
 */
export function addAlarmTopic(
  template: TemplateBuilder,
  key: ResourceHandle<'AWS::KMS::Key'>,
  email: ParameterHandle,
  sms: ParameterHandle,
): ResourceHandle<'AWS::SNS::Topic'> {
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

  return topic;
}

export function addMonitoringKey(template: TemplateBuilder): ResourceHandle<'AWS::KMS::Key'> {
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
