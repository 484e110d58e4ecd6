import { describe, expect, it } from 'vitest';
import { committedDocument } from './committed-resources';
import { reviewLines } from './render';
import { buildReview, changeSetParameters, parameterChanges, treeFromChanges } from './review';
import { parseTemplateDocument } from './template-values';

describe('parameter changes', () => {
  it('lists what changes against the deployed values, UsePreviousValue keeping them', () => {
    const main = committedDocument('main');
    const deployed = { Environment: 'dev', SshCidr: '', NatGatewayMode: 'auto' };
    const next = changeSetParameters(
      [
        { ParameterKey: 'Environment', ParameterValue: 'dev' },
        { ParameterKey: 'SshCidr', ParameterValue: '198.51.100.0/24' },
        { ParameterKey: 'NatGatewayMode', UsePreviousValue: true },
      ],
      deployed,
    );
    expect(
      parameterChanges(main, deployed, next).filter((change) => change.name in deployed),
    ).toEqual([{ name: 'SshCidr', before: '', after: '198.51.100.0/24', secret: false }]);
  });

  it('never shows a NoEcho value, and cannot tell a change behind CloudFormation asterisks', () => {
    const template = parseTemplateDocument(
      'Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n  Name:\n    Type: String\nResources: {}\n',
    );
    const changes = parameterChanges(
      template,
      { Token: '****', Name: 'a' },
      { Token: 's3cret', Name: 'b' },
    );
    expect(changes).toEqual([{ name: 'Name', before: 'a', after: 'b', secret: false }]);
    const added = parameterChanges(template, { Name: 'a' }, { Token: 's3cret', Name: 'a' });
    const review = {
      stackName: 's',
      resources: [],
      planned: [],
      parameters: added,
      source: 'change set' as const,
    };
    expect(reviewLines(review)).toEqual(['parameter changes:', '  ~ Token: (none) → ****']);
  });
});

describe('buildReview', () => {
  it('rebuilds the changed part of the properties from paths when the change set has no contexts', () => {
    const tree = treeFromChanges(
      [{ path: 'SecurityGroupIngress[1].CidrIp', before: '10.0.0.0/16', after: '0.0.0.0/0' }],
      'after',
    );
    expect(tree).toEqual({ SecurityGroupIngress: [undefined, { CidrIp: '0.0.0.0/0' }] });
    const review = buildReview(
      's',
      [
        {
          action: 'Modify',
          logicalId: 'Ec2SecurityGroup',
          resourceType: 'AWS::EC2::SecurityGroup',
          physicalId: 'sg-1',
          replacement: 'False',
          stateful: false,
          propertyChanges: [
            { path: 'SecurityGroupIngress[1].CidrIp', before: '10.0.0.0/16', after: '0.0.0.0/0' },
          ],
          beforeProperties: undefined,
          afterProperties: undefined,
        },
      ],
      undefined,
      [],
    );
    expect(reviewLines(review)).toEqual([
      'property changes (from the change set):',
      '  ~ Ec2SecurityGroup SecurityGroupIngress[1].CidrIp: 10.0.0.0/16 → 0.0.0.0/0  ⚠ widens ingress from anywhere',
    ]);
  });
});
