import { appParameterName } from '@mini-ecommerce/stack-model';
import { sub, type Expr } from '../../model/intrinsics';
import type { ResourceHandle, TemplateBuilder } from '../../model/template';
import { ENV_PLACEHOLDER, envName, envNameText } from '../common';
import { denyGrantsExceptForAwsServices } from '../shared-policies';

/**
 * The key of the JWT signing secret (issue 16 item 4). Under the AWS-managed aws/ssm key anyone
 * allowed ssm:GetParameter could decrypt it and forge admin tokens. Here the account's
 * administrators manage the key but get no cryptographic use of it; the instance role may
 * decrypt and the deployer encrypt (create, rotate), each only through SSM and only for this one
 * parameter: SSM passes the parameter's ARN as the encryption context PARAMETER_ARN
 * (https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html).
 */
export function addJwtSecretKey(
  template: TemplateBuilder,
  role: ResourceHandle<'AWS::IAM::Role'>,
  deployers: Expr,
): ResourceHandle<'AWS::KMS::Key'> {
  const throughSsmForTheSecret = {
    StringEquals: {
      'kms:ViaService': sub('ssm.${AWS::Region}.amazonaws.com'),
      'kms:EncryptionContext:PARAMETER_ARN': sub(
        `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${appParameterName(ENV_PLACEHOLDER, 'jwtSecret')}`,
      ),
    },
  };
  const account = sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
  const key = template.resource(
    'JwtSecretKey',
    'AWS::KMS::Key',
    {
      Description: envName('jwt-secret'),
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            // Administration without Encrypt/Decrypt: kms:* here would let any IAM policy granting
            // kms:Decrypt (PowerUserAccess does) read the secret.
            Sid: 'AccountAdministrationWithoutUse',
            Effect: 'Allow',
            Principal: { AWS: account },
            Action: [
              'kms:Create*',
              'kms:Describe*',
              'kms:Enable*',
              'kms:List*',
              'kms:Put*',
              'kms:Update*',
              'kms:Revoke*',
              'kms:Disable*',
              'kms:Get*',
              'kms:Delete*',
              'kms:TagResource',
              'kms:UntagResource',
              'kms:ScheduleKeyDeletion',
              'kms:CancelKeyDeletion',
              'kms:RotateKeyOnDemand',
            ],
            Resource: '*',
          },
          denyGrantsExceptForAwsServices(),
          {
            Sid: 'InstanceRoleDecryptsTheJwtSecret',
            Effect: 'Allow',
            Principal: { AWS: role.getAtt('Arn') },
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: throughSsmForTheSecret,
          },
          {
            Sid: 'DeployerEncryptsTheJwtSecret',
            Effect: 'Allow',
            Principal: { AWS: account },
            Action: 'kms:Encrypt',
            Resource: '*',
            Condition: {
              ...throughSsmForTheSecret,
              ArnLike: { 'aws:PrincipalArn': deployers },
            },
          },
        ],
      },
    },
    { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' },
  );
  template.resource('JwtSecretKeyAlias', 'AWS::KMS::Alias', {
    AliasName: sub(`alias/${envNameText('jwt-secret')}`),
    TargetKeyId: key.ref(),
  });
  return key;
}
