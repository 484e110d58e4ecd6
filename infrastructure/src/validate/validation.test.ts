import { describe, expect, it } from 'vitest';
import { specDatabase } from '../spec/spec-db';
import { checkAgainstSpec } from './spec-check';
import { checkCfnGuard, checkFreshness, checkNpmCfnLint, checkSpec } from './validate-all';

// The gates `npm test` enforces on the committed templates.
describe('committed templates', () => {
  it('equal a fresh generation', async () => {
    expect((await checkFreshness()).problems).toEqual([]);
  });

  it('use only resource types and properties of the current CloudFormation specification', () => {
    expect(checkSpec().problems).toEqual([]);
  });

  it('pass the npm cfn-lint, with every newer property explained in its allow-list', () => {
    expect(checkNpmCfnLint().problems).toEqual([]);
  });

  it('pass the AWS Control Tower proactive controls, or suppress them with a written reason', () => {
    expect(checkCfnGuard().problems).toEqual([]);
  });
});

describe('the specification check', () => {
  const db = specDatabase();

  it('reports unknown types, unknown and missing properties and wrong shapes', () => {
    const problems = checkAgainstSpec(db, {
      Resources: {
        Typo: { Type: 'AWS::S3::Buckett' },
        Table: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { BillingMode: 'PAY_PER_REQUEST', TableNam: 'x' },
        },
        Vpc: {
          Type: 'AWS::EC2::VPC',
          Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: 'yes please' },
        },
      },
    }).map((p) => `${p.resource} ${p.path}: ${p.message}`);
    expect(problems).toEqual([
      'Typo Type: unknown resource type AWS::S3::Buckett',
      'Table AWS::DynamoDB::Table.KeySchema: required property missing',
      'Table AWS::DynamoDB::Table.TableNam: not a property in the resource specification',
      'Vpc AWS::EC2::VPC.EnableDnsSupport: expected a boolean, got "yes please"',
    ]);
  });

  it('accepts intrinsics anywhere a value goes', () => {
    expect(
      checkAgainstSpec(db, {
        Resources: {
          Vpc: {
            Type: 'AWS::EC2::VPC',
            Properties: {
              CidrBlock: { Ref: 'Cidr' },
              EnableDnsSupport: { 'Fn::If': ['C', true, false] },
            },
          },
        },
      }),
    ).toEqual([]);
  });
});
