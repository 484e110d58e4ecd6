import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STACK_TEMPLATE_FILES, type StackKey } from '@mini-ecommerce/stack-model';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deployerPrincipalPatterns } from '../deploy/stack-inputs';

/** Issue 16 (deploy and instance security), checked on the committed templates. */
interface Template {
  Parameters: Record<string, { Type: string; AllowedPattern?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Value: unknown }>;
}
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const template = (stack: StackKey) =>
  parse(readFileSync(path.join(dir, STACK_TEMPLATE_FILES[stack]), 'utf8')) as Template;
type Statement = {
  Sid: string;
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
const statements = (policy: unknown) => (policy as { Statement: Statement[] }).Statement;

describe('API releases in the artifacts bucket (item 1)', () => {
  it('denies s3:PutObject under api/ to every principal but the deployer', () => {
    const policy = template('main').Resources['ArtifactsBucketPolicy']?.Properties;
    const deny = statements(policy?.['PolicyDocument']).find(
      (s) => s.Effect === 'Deny' && s.Action === 's3:PutObject',
    );
    expect(deny).toMatchObject({
      Principal: '*',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['ArtifactsBucket', 'Arn'] }, '/api/*']] },
      Condition: { ArnNotLike: { 'aws:PrincipalArn': { Ref: 'DeployerPrincipalArns' } } },
    });
    expect(template('main').Parameters['DeployerPrincipalArns']?.Type).toBe('CommaDelimitedList');
  });

  it('knows the deployer whether it is a role session, a user or root', () => {
    expect(
      deployerPrincipalPatterns(
        'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc/jane@example.com',
      ),
    ).toEqual([
      'arn:aws:iam::123456789012:role/AWSReservedSSO_Admin_abc',
      'arn:aws:iam::123456789012:role/*/AWSReservedSSO_Admin_abc',
    ]);
    expect(deployerPrincipalPatterns('arn:aws:iam::123456789012:user/ci/deployer')).toEqual([
      'arn:aws:iam::123456789012:user/ci/deployer',
    ]);
    expect(() => deployerPrincipalPatterns('unknown')).toThrow(
      /--parameters DeployerPrincipalArns/,
    );
    const pattern = new RegExp(
      template('main').Parameters['DeployerPrincipalArns']?.AllowedPattern ?? '',
    );
    for (const arn of deployerPrincipalPatterns(
      'arn:aws:sts::123456789012:assumed-role/Deployer/session',
    ))
      expect(pattern.test(arn)).toBe(true);
  });
});

describe('the JWT secret key (item 4)', () => {
  const ec2 = template('ec2');
  const key = ec2.Resources['JwtSecretKey'];
  const policy = statements(key?.Properties['KeyPolicy']);
  const parameterArn = {
    'Fn::Sub':
      'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/mini-ecommerce/${Environment}/jwt-secret',
  };
  const actions = (s: Statement) => [s.Action].flat();

  it('is a customer-managed key with rotation, its ARN an output api:deploy reads', () => {
    expect(key?.Type).toBe('AWS::KMS::Key');
    expect(key?.Properties['EnableKeyRotation']).toBe(true);
    expect(ec2.Outputs['JwtSecretKeyArn']?.Value).toEqual({
      'Fn::GetAtt': ['JwtSecretKey', 'Arn'],
    });
  });

  it('lets only the instance role decrypt, through SSM, for the JWT secret parameter only', () => {
    const decrypting = policy.filter(
      (s) => s.Effect === 'Allow' && actions(s).some((a) => /^kms:(Decrypt|\*)/.test(a)),
    );
    expect(decrypting).toEqual([
      expect.objectContaining({
        Principal: { AWS: { 'Fn::GetAtt': ['InstanceRole', 'Arn'] } },
        Action: 'kms:Decrypt',
        Condition: {
          StringEquals: {
            'kms:ViaService': { 'Fn::Sub': 'ssm.${AWS::Region}.amazonaws.com' },
            'kms:EncryptionContext:PARAMETER_ARN': parameterArn,
          },
        },
      }),
    ]);
  });

  it('lets the deployer encrypt the secret (create, rotate) and administrators only manage the key', () => {
    const encrypting = policy.filter(
      (s) => s.Effect === 'Allow' && actions(s).includes('kms:Encrypt'),
    );
    expect(encrypting).toEqual([
      expect.objectContaining({
        Condition: expect.objectContaining({
          ArnLike: { 'aws:PrincipalArn': { Ref: 'DeployerPrincipalArns' } },
          StringEquals: expect.objectContaining({
            'kms:EncryptionContext:PARAMETER_ARN': parameterArn,
          }),
        }),
      }),
    ]);
    const everyAllowed = policy.filter((s) => s.Effect === 'Allow').flatMap(actions);
    expect(everyAllowed).not.toContain('kms:*');
    expect(everyAllowed.filter((a) => /ReEncrypt|GenerateDataKey/.test(a))).toEqual([]);
  });
});

describe('what the instances run (item 8)', () => {
  it('records the AMI the instances were launched from in the outputs', () => {
    expect(template('ec2').Outputs['AmiId']?.Value).toEqual({ Ref: 'LatestAmiId' });
  });
});
