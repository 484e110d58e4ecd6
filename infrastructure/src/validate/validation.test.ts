import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specDatabase } from '../spec/spec-db';
import {
  classifyPythonCfnLintMatches,
  PYTHON_CFN_LINT_MISSING,
  pythonCfnLintVersion,
  runPythonCfnLint,
  type PythonCfnLintMatch,
} from './run-python-cfn-lint';
import { checkAgainstSpec } from './spec-check';
import {
  checkCfnGuard,
  checkFreshness,
  checkNpmCfnLint,
  checkPythonCfnLint,
  checkSpec,
} from './validate-all';

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

  it('pass the Python cfn-lint without errors or warnings (skipped when it is not installed)', (ctx) => {
    const section = checkPythonCfnLint();
    if (section.skipped) ctx.skip(section.summary);
    expect(section.problems).toEqual([]);
  });
});

describe('the Python cfn-lint step', () => {
  it('says plainly when cfn-lint is not on PATH, and skips', () => {
    const section = checkPythonCfnLint('cfn-lint-not-installed-here');
    expect(section).toMatchObject({
      problems: [],
      skipped: true,
      summary: PYTHON_CFN_LINT_MISSING,
    });
    expect(section.summary).toBe(
      'Python cfn-lint not found: skipped; install with pip install cfn-lint',
    );
  });

  it('fails on errors and warnings, and only reports informational matches', () => {
    const match = (Level: string, Id: string, Message: string): PythonCfnLintMatch => ({
      Filename: '/infra/ec2-stack.yml',
      Level,
      Message,
      Rule: { Id },
      Location: { Start: { LineNumber: 12, ColumnNumber: 5 } },
    });
    expect(
      classifyPythonCfnLintMatches(
        [
          match('Error', 'E3002', 'bad property'),
          match('Warning', 'W2001', 'Parameter X not used.'),
          match('Informational', 'I3011', 'no UpdateReplacePolicy'),
        ],
        '/infra',
      ),
    ).toEqual({
      failures: [
        'ec2-stack.yml:12:5: error E3002: bad property',
        'ec2-stack.yml:12:5: warning W2001: Parameter X not used.',
      ],
      informational: ['ec2-stack.yml:12:5: informational I3011: no UpdateReplacePolicy'],
    });
  });

  it('reports what the real cfn-lint finds in a broken template (skipped when it is not installed)', (ctx) => {
    if (pythonCfnLintVersion() === undefined) ctx.skip(PYTHON_CFN_LINT_MISSING);
    const dir = mkdtempSync(join(tmpdir(), 'python-cfn-lint-'));
    try {
      writeFileSync(
        join(dir, 'broken.yml'),
        [
          "AWSTemplateFormatVersion: '2010-09-09'",
          'Parameters:',
          '  Unused:',
          '    Type: String',
          'Resources:',
          '  Bucket:',
          '    Type: AWS::S3::Bucket',
          '    Properties:',
          '      BucketNam: typo',
          '',
        ].join('\n'),
      );
      const result = runPythonCfnLint([join(dir, 'broken.yml')], dir);
      expect(result.installed && result.failures).toEqual([
        'broken.yml:3:3: warning W2001: Parameter Unused not used.',
        expect.stringMatching(/^broken\.yml:9:7: error E3002: .*'BucketNam' was unexpected/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
