import { type BucketKey, bucketName } from '@mini-ecommerce/stack-model';
import type { ResourceProps, S3BucketRule } from '../../model/generated/cfn-resources';
import type { ResourceHandle, RuleException, TemplateBuilder } from '../../model/template';
import type { Expr } from '../../model/intrinsics';
import type { JsonValue } from '../../model/values';
import { ENV_PLACEHOLDER, envSub } from '../common';
import { denyInsecureTransport } from '../shared-policies';

type BucketProps = ResourceProps['AWS::S3::Bucket'];
export type Bucket = ResourceHandle<'AWS::S3::Bucket'>;

/** Physical bucket name: `mini-ecommerce-${Environment}-<key>-${AWS::AccountId}` (bucket names are global). */
export function envBucketName(key: BucketKey): Expr {
  return envSub(bucketName(ENV_PLACEHOLDER, key, '${AWS::AccountId}'));
}

const BLOCK_ALL_PUBLIC_ACCESS = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

/**
 * SSE-S3 is used everywhere on purpose: the server access log target cannot use SSE-KMS, and the
 * storefront and product images are public content whose per-request KMS cost and key-policy
 * coupling with CloudFront buy no confidentiality.
 */
const SSE_S3_REASON =
  'Encrypted at rest with SSE-S3 (AES-256). SSE-KMS is not used: the objects are the public storefront, public product images or build artifacts, and SSE-KMS would add per-request KMS cost and a key policy coupled to CloudFront without protecting anything confidential.';

const OBJECT_LOCK_REASON =
  'Object Lock (WORM) would stop deploys from replacing or deleting objects; versioning plus Retain already protect against accidental loss, and no compliance regime requires immutability here.';

const NOTIFICATIONS_EVENTBRIDGE = { EventBridgeConfiguration: { EventBridgeEnabled: true } };

export interface BucketSpec {
  readonly logicalId: string;
  readonly key: BucketKey;
  /** Where S3 server access logs go (a bucket name). */
  readonly logs?: { readonly bucketName: Expr; readonly prefix: string };
  /** S3 request metrics for the whole bucket (filter id `EntireBucket`), for the 5xx alarm. */
  readonly requestMetrics?: boolean;
  readonly condition?: string;
  readonly lifecycleRules: readonly S3BucketRule[];
  readonly cors?: BucketProps['CorsConfiguration'];
  readonly ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred';
  readonly extraGuardExceptions?: readonly RuleException[];
}

/** A private, versioned, encrypted bucket kept on stack deletion. */
export function addBucket(template: TemplateBuilder, spec: BucketSpec): Bucket {
  return template.resource(
    spec.logicalId,
    'AWS::S3::Bucket',
    {
      BucketName: envBucketName(spec.key),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true },
        ],
      },
      PublicAccessBlockConfiguration: BLOCK_ALL_PUBLIC_ACCESS,
      OwnershipControls: { Rules: [{ ObjectOwnership: spec.ownership ?? 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: spec.lifecycleRules },
      NotificationConfiguration: NOTIFICATIONS_EVENTBRIDGE,
      ...(spec.logs
        ? {
            LoggingConfiguration: {
              DestinationBucketName: spec.logs.bucketName,
              LogFilePrefix: spec.logs.prefix,
            },
          }
        : {}),
      ...(spec.cors ? { CorsConfiguration: spec.cors } : {}),
      ...(spec.requestMetrics ? { MetricsConfigurations: [{ Id: 'EntireBucket' }] } : {}),
    },
    {
      ...(spec.condition ? { condition: spec.condition } : {}),
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Retain',
      guardExceptions: [
        { rule: 'CT.S3.PR.9', reason: OBJECT_LOCK_REASON },
        { rule: 'CT.S3.PR.10', reason: SSE_S3_REASON },
        ...(spec.extraGuardExceptions ?? []),
      ],
    },
  );
}

/**
 * The bucket's policy (`<logicalId>Policy`): every request over TLS, then the bucket's own
 * statements.
 */
export function addBucketPolicy(
  template: TemplateBuilder,
  bucket: Bucket,
  statements: readonly JsonValue[],
  options: { readonly condition?: string } = {},
): ResourceHandle<'AWS::S3::BucketPolicy'> {
  return template.resource(
    `${bucket.logicalId}Policy`,
    'AWS::S3::BucketPolicy',
    {
      Bucket: bucket.ref(),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [denyInsecureTransport(bucket.getAtt('Arn')), ...statements],
      },
    },
    options,
  );
}

/** Old versions are kept 30 days, long enough to roll back a bad deploy or an overwritten image. */
export const EXPIRE_NONCURRENT = {
  Id: 'expire-noncurrent-versions',
  Status: 'Enabled',
  NoncurrentVersionExpiration: { NoncurrentDays: 30 },
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
} as const;
