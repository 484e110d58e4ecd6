import { describe, expect, it } from 'vitest';
import { TemplateBuilder } from './template';

const tags = [{ Key: 'Project', Value: 'p' }];

describe('TemplateBuilder', () => {
  it('refuses a logical id used twice across parameters, conditions and resources', () => {
    const t = new TemplateBuilder('d', tags);
    t.parameter('NatGateway', { Type: 'String', Description: 'x' });
    expect(() => t.resource('NatGateway', 'AWS::EC2::InternetGateway', {})).toThrow(
      /defined twice/,
    );
  });

  it('refuses a suppression without a written reason', () => {
    const t = new TemplateBuilder('d', tags);
    expect(() =>
      t.resource(
        'B',
        'AWS::S3::Bucket',
        {},
        { guardExceptions: [{ rule: 'CT.S3.PR.1', reason: 'no' }] },
      ),
    ).toThrow(/write down why/);
  });

  it('writes suppressions and their reasons into the resource metadata, and tags it', () => {
    const t = new TemplateBuilder('d', tags);
    t.resource(
      'B',
      'AWS::S3::Bucket',
      { Tags: [{ Key: 'Name', Value: 'b' }] },
      { guardExceptions: [{ rule: 'CT.S3.PR.9', reason: 'Object Lock would block deploys.' }] },
    );
    expect(t.build().Resources['B']).toEqual({
      Type: 'AWS::S3::Bucket',
      Metadata: {
        guard: { SuppressedRules: ['CT.S3.PR.9'] },
        Exceptions: { 'CT.S3.PR.9': 'Object Lock would block deploys.' },
      },
      Properties: {
        Tags: [
          { Key: 'Project', Value: 'p' },
          { Key: 'Name', Value: 'b' },
        ],
      },
    });
  });

  it('refuses a condition that does not exist', () => {
    const t = new TemplateBuilder('d', tags);
    expect(() => t.resource('B', 'AWS::S3::Bucket', {}, { condition: 'Nope' })).toThrow(
      /unknown condition/,
    );
  });
});
