import { describe, expect, it } from 'vitest';
import { collisionRefusal, explicitNames } from './collisions';
import { committedResources } from './committed-resources';

describe('explicitNames', () => {
  it('finds the names the committed templates give tables, log groups, buckets, parameters and aliases', () => {
    const names = (id: Parameters<typeof committedResources>[0]) =>
      explicitNames(committedResources(id)).map(({ type, name }) => `${type} ${name}`);
    expect(names('database')).toEqual([
      'AWS::DynamoDB::Table mini-ecommerce-dev-products',
      'AWS::DynamoDB::Table mini-ecommerce-dev-users',
      'AWS::DynamoDB::Table mini-ecommerce-dev-orders',
      'AWS::DynamoDB::Table mini-ecommerce-dev-cart',
    ]);
    expect(names('main')).toEqual(
      expect.arrayContaining([
        'AWS::KMS::Alias alias/mini-ecommerce-dev-logs',
        'AWS::Logs::LogGroup /mini-ecommerce/dev/vpc-flow-logs',
        'AWS::S3::Bucket mini-ecommerce-dev-website-123456789012',
        'AWS::S3::Bucket mini-ecommerce-dev-artifacts-123456789012',
      ]),
    );
    expect(names('ec2')).toEqual(
      expect.arrayContaining([
        'AWS::Logs::LogGroup /mini-ecommerce/dev/api',
        'AWS::SSM::Parameter /mini-ecommerce/dev/app-env',
      ]),
    );
    // Every name is resolved: no parameter or attribute left in it.
    for (const id of ['main', 'database', 'ec2', 'monitoring'] as const)
      for (const name of names(id)) expect(name).not.toMatch(/\$\{|\(/);
  });

  it('says how many resources block a create', () => {
    const collision = { logicalId: 'A', type: 'AWS::S3::Bucket', name: 'b', message: 'm' };
    expect(collisionRefusal('s', [collision])).toBe(
      's cannot be created: 1 resource it names already exists.',
    );
    expect(collisionRefusal('s', [collision, collision])).toBe(
      's cannot be created: 2 resources it names already exist.',
    );
  });
});
