import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { Resource, TypeDefinition } from '@aws-cdk/service-spec-types';

export type SpecDatabase = ReturnType<typeof loadAwsServiceSpecSync>;

let cached: SpecDatabase | undefined;

/** The CloudFormation resource specification shipped by `@aws-cdk/aws-service-spec` (loaded once; ~0.3 s). */
export function specDatabase(): SpecDatabase {
  cached ??= loadAwsServiceSpecSync();
  return cached;
}

export function findResource(db: SpecDatabase, cloudFormationType: string): Resource | undefined {
  const found = db.lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
  return found.length === 1 ? found[0] : undefined;
}

export function typeDefinition(db: SpecDatabase, id: string): TypeDefinition {
  return db.get('typeDefinition', id);
}
