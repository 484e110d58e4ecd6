import { ingress } from './ingress';
import { policies } from './policies';
import { isObject, text } from './property-values';
import type { Finding, ResourceSnapshot } from './finding';

export type { Finding, ResourceSnapshot } from './finding';

/** Everything an operator should confirm about one resource's change. */
export function findBroadenings(resource: ResourceSnapshot): Finding[] {
  return [
    ...dataLoss(resource),
    ...ingress(resource),
    ...policies(resource),
    ...publicAccess(resource),
  ];
}

// ---------------------------------------------------------------------------------------------
// Data

function dataLoss(resource: ResourceSnapshot): Finding[] {
  if (!resource.stateful) return [];
  const what =
    resource.action === 'Remove'
      ? 'removed'
      : resource.replacement === 'True'
        ? 'replaced'
        : resource.replacement === 'Conditional'
          ? 'may be replaced'
          : undefined;
  if (!what) return [];
  return [
    {
      kind: 'data-loss',
      path: '',
      label: `data at risk: ${what}`,
      detail: resource.retained
        ? `${resource.resourceType} ${what}; DeletionPolicy Retain keeps the old one, orphaned`
        : `${resource.resourceType} ${what} with the data it holds`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Public access

const PUBLIC_ACCESS_FLAGS = [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
] as const;

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

/** A public-access block flag turned off (or the block removed), or a public canned ACL. */
function publicAccess(resource: ResourceSnapshot): Finding[] {
  if (resource.resourceType !== 'AWS::S3::Bucket' || resource.action === 'Remove') return [];
  const findings: Finding[] = [];
  const block = (properties: Record<string, unknown> | undefined) =>
    isObject(properties?.['PublicAccessBlockConfiguration'])
      ? (properties['PublicAccessBlockConfiguration'] as Record<string, unknown>)
      : {};
  const before = block(resource.before);
  const after = block(resource.after);
  for (const flag of PUBLIC_ACCESS_FLAGS) {
    const was = text(before[flag]) === 'true';
    const is = text(after[flag]) === 'true';
    // A new bucket blocks public access unless told otherwise (S3's default since 2023).
    if (resource.action === 'Add' ? text(after[flag]) !== 'false' : !was || is) continue;
    findings.push({
      kind: 'public-access',
      path: `PublicAccessBlockConfiguration.${flag}`,
      label: 'loosens public access',
      detail: `${flag} turned off`,
    });
  }
  const acl = text(resource.after?.['AccessControl']);
  if (PUBLIC_ACLS.includes(acl) && acl !== text(resource.before?.['AccessControl'])) {
    findings.push({
      kind: 'public-access',
      path: 'AccessControl',
      label: 'loosens public access',
      detail: `canned ACL ${acl}`,
    });
  }
  return findings;
}
