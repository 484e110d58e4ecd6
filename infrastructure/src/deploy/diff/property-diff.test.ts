import { describe, expect, it } from 'vitest';
import { committedResources } from './committed-resources';
import {
  changesFromDetails,
  contextProperties,
  diffProperties,
  formatValue,
  propertyPath,
} from './property-diff';
import {
  KnownAfter,
  Unresolved,
  evaluateResources,
  parseTemplateDocument,
} from './template-values';

describe('diffProperties', () => {
  it('lists the leaves that differ between two evaluations of a committed resource', () => {
    const before = committedResources('ec2')['AppLogGroup']?.properties;
    const after = committedResources('ec2', { Environment: 'staging' })['AppLogGroup']?.properties;
    expect(diffProperties(before, after)).toEqual([
      {
        path: 'LogGroupName',
        before: '/mini-ecommerce/dev/api',
        after: '/mini-ecommerce/staging/api',
      },
      {
        path: 'KmsKeyId',
        before: new Unresolved('(import mini-ecommerce-dev-logs-key-arn)'),
        after: new Unresolved('(import mini-ecommerce-staging-logs-key-arn)'),
      },
      { path: 'Tags[1].Value', before: 'dev', after: 'staging' },
    ]);
  });

  it('treats 443 and "443" as the same value, and reports added and removed list elements', () => {
    expect(diffProperties({ Port: 443 }, { Port: '443' })).toEqual([]);
    expect(diffProperties({ A: [1] }, { A: [1, { B: 2 }] })).toEqual([
      { path: 'A[1]', before: undefined, after: { B: 2 } },
    ]);
    expect(diffProperties({ A: 'x', C: 1 }, { A: 'x' })).toEqual([
      { path: 'C', before: 1, after: undefined },
    ]);
  });

  it('compares unresolved references by what they refer to', () => {
    expect(
      diffProperties({ V: new Unresolved('(Vpc.Id)') }, { V: new Unresolved('(Vpc.Id)') }),
    ).toEqual([]);
    expect(
      diffProperties({ V: new Unresolved('(A.Arn)') }, { V: new Unresolved('(B.Arn)') }),
    ).toHaveLength(1);
  });
});

describe('change-set property values', () => {
  it('turns a change set path into a property path', () => {
    expect(propertyPath('/Properties/SecurityGroupIngress/1/CidrIp')).toBe(
      'SecurityGroupIngress[1].CidrIp',
    );
    expect(propertyPath('/Properties/Tags')).toBe('Tags');
  });

  it('reads each property change of ResourceChange.Details once, values parsed where JSON', () => {
    expect(
      changesFromDetails([
        {
          Target: {
            Attribute: 'Properties',
            Name: 'SecurityGroupIngress',
            Path: '/Properties/SecurityGroupIngress/1/CidrIp',
            RequiresRecreation: 'Never',
            BeforeValue: '10.0.0.0/16',
            AfterValue: '0.0.0.0/0',
            AttributeChangeType: 'Modify',
          },
          Evaluation: 'Static',
          ChangeSource: 'DirectModification',
        },
        {
          Target: {
            Attribute: 'Properties',
            Name: 'SecurityGroupIngress',
            Path: '/Properties/SecurityGroupIngress/1/CidrIp',
            BeforeValue: '10.0.0.0/16',
            AfterValue: '0.0.0.0/0',
            AttributeChangeType: 'Modify',
          },
          ChangeSource: 'ParameterReference',
        },
        {
          Target: {
            Attribute: 'Properties',
            Path: '/Properties/KeySchema',
            RequiresRecreation: 'Always',
            BeforeValue: '[{"AttributeName":"productId","KeyType":"HASH"}]',
            AfterValue: '[{"AttributeName":"id","KeyType":"HASH"}]',
            AttributeChangeType: 'Modify',
          },
        },
        {
          Target: {
            Attribute: 'Tags',
            Path: '/Properties/Tags/0/Value',
            AttributeChangeType: 'Modify',
          },
        },
        { Target: { Attribute: 'Properties', Name: 'Timeout' } },
      ]),
    ).toEqual([
      {
        path: 'SecurityGroupIngress[1].CidrIp',
        before: '10.0.0.0/16',
        after: '0.0.0.0/0',
        requiresRecreation: 'Never',
      },
      {
        path: 'KeySchema',
        before: [{ AttributeName: 'productId', KeyType: 'HASH' }],
        after: [{ AttributeName: 'id', KeyType: 'HASH' }],
        requiresRecreation: 'Always',
      },
    ]);
  });

  it('reads the Properties of a BeforeContext, and nothing from a broken one', () => {
    expect(contextProperties('{"Properties":{"RetentionInDays":"365"}}')).toEqual({
      RetentionInDays: '365',
    });
    expect(contextProperties('{"Prop')).toBeUndefined();
    expect(contextProperties(undefined)).toBeUndefined();
  });

  it('formats values on one line', () => {
    expect(formatValue('')).toBe('""');
    expect(formatValue(undefined)).toBe('(none)');
    expect(formatValue(new KnownAfter('main'))).toBe('(known after main)');
    expect(formatValue({ a: new Unresolved('(X.Arn)') })).toBe('{"a":"(X.Arn)"}');
    expect(formatValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('evaluateResources', () => {
  const template = parseTemplateDocument(`
Parameters:
  Environment: { Type: String, Default: dev }
  SshCidr: { Type: String, Default: "" }
  Arns: { Type: CommaDelimitedList, Default: "a,b" }
Conditions:
  HasSsh: { Fn::Not: [ { Fn::Equals: [ { Ref: SshCidr }, "" ] } ] }
  IsProd: { Fn::Equals: [ { Ref: Environment }, prod ] }
  Either: { Fn::Or: [ { Condition: HasSsh }, { Condition: IsProd } ] }
Resources:
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Condition: HasSsh
    Properties: { CidrIp: { Ref: SshCidr } }
  Logs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    Properties:
      LogGroupName: { Fn::Sub: "/app/\${Environment}/\${AWS::Region}" }
      KmsKeyId: { Fn::ImportValue: { Fn::Sub: "app-\${Environment}-key" } }
      Tags:
        - { Key: a, Value: { Fn::If: [ IsProd, p, { Ref: AWS::NoValue } ] } }
        - Fn::If: [ Either, { Key: b, Value: { Fn::Join: [ ",", { Ref: Arns } ] } }, { Ref: AWS::NoValue } ]
      Arn: { Fn::GetAtt: [ Bucket, Arn ] }
`);
  const inputs = {
    account: '123456789012',
    region: 'eu-west-1',
    stackName: 's',
    importValue: (name: string) =>
      name === 'app-staging-key' ? new KnownAfter('main') : 'arn:key',
  };

  it('resolves parameters, conditions, Sub, Join, If and NoValue, and leaves attributes unresolved', () => {
    const dev = evaluateResources(template, { ...inputs, parameters: {} });
    expect(Object.keys(dev)).toEqual(['Logs']);
    expect(dev['Logs']).toEqual({
      type: 'AWS::Logs::LogGroup',
      deletionPolicy: 'Retain',
      properties: {
        LogGroupName: '/app/dev/eu-west-1',
        KmsKeyId: 'arn:key',
        Tags: [{ Key: 'a' }],
        Arn: new Unresolved('(Bucket.Arn)'),
      },
    });
    const staging = evaluateResources(template, {
      ...inputs,
      parameters: { Environment: 'staging', SshCidr: '203.0.113.0/24' },
    });
    expect(staging['Ssh']?.properties).toEqual({ CidrIp: '203.0.113.0/24' });
    expect(staging['Logs']?.properties['KmsKeyId']).toEqual(new KnownAfter('main'));
    expect(staging['Logs']?.properties['Tags']).toEqual([{ Key: 'a' }, { Key: 'b', Value: 'a,b' }]);
  });
});
