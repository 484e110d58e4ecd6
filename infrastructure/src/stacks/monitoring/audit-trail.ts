import { STACK_CONDITIONS } from '@mini-ecommerce/stack-model';
import { sub } from '../../model/intrinsics';
import type { ResourceHandle, TemplateBuilder } from '../../model/template';
import {
  LOG_RETENTION_DAYS,
  envLogGroupName,
  envLogGroupText,
  envName,
  envNameText,
  importFrom,
} from '../common';
import { EXPIRE_NONCURRENT, addBucket, addBucketPolicy } from '../main/buckets';
import { assumableBy } from '../shared-policies';

const CREATE_TRAIL = STACK_CONDITIONS.createTrail;

export function addTrail(template: TemplateBuilder, key: ResourceHandle<'AWS::KMS::Key'>): void {
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
  const bucketPolicy = addBucketPolicy(
    template,
    bucket,
    [
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
      AssumeRolePolicyDocument: assumableBy('cloudtrail.amazonaws.com', {
        StringEquals: { 'aws:SourceArn': trailArn },
      }),
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
