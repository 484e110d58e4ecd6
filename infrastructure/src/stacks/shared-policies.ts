import { join, sub, type Expr } from '../model/intrinsics';
import type { JsonValue } from '../model/values';

/** A role's trust policy: the AWS service may assume the role, under the condition when one is given. */
export function assumableBy(service: string, condition?: JsonValue): JsonValue {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  };
}

/** Deny every request to the bucket that does not arrive over TLS. */
export function denyInsecureTransport(bucketArn: Expr): JsonValue {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    // Join (not Sub) for the object ARN: the form CT.S3.PR.8 recognises.
    Resource: [bucketArn, join('', [bucketArn, '/*'])],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** The account's administrators manage the key; services get only what their statements grant. */
export function keyAdministration(): JsonValue[] {
  return [
    {
      Sid: 'AccountAdministration',
      Effect: 'Allow',
      Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
      Action: 'kms:*',
      Resource: '*',
    },
    denyGrantsExceptForAwsServices(),
  ];
}

/** Grants only for AWS services acting on the key's behalf (CT.KMS.PR.3). */
export function denyGrantsExceptForAwsServices(): JsonValue {
  return {
    Sid: 'DenyGrantsExceptForAwsServices',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: ['kms:CreateGrant'],
    Resource: '*',
    Condition: {
      BoolIfExists: {
        'kms:GrantIsForAWSResource': 'false',
        'aws:PrincipalIsAWSService': 'false',
      },
    },
  };
}
