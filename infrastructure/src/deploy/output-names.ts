import type { StackId } from './stacks';

/**
 * The stack outputs the deploy commands read, by the names the template generators give them.
 * Kept in one place so a renamed output is a one-line change and a missing one a clear error.
 */
export const OUTPUTS = {
  artifactBucket: { stack: 'main', key: 'ArtifactsBucketName' },
  websiteBucket: { stack: 'main', key: 'WebsiteBucketName' },
  distributionId: { stack: 'main', key: 'DistributionId' },
  websiteUrl: { stack: 'main', key: 'WebsiteUrl' },
  imagesBucket: { stack: 'main', key: 'ImagesBucketName' },
  apiUrl: { stack: 'ec2', key: 'ApiUrl' },
} as const satisfies Record<string, { stack: StackId; key: string }>;

export type OutputName = keyof typeof OUTPUTS;

/** Main-stack parameter: the API host CloudFront forwards /api/* to (empty until ec2 exists). */
export const API_ORIGIN_PARAMETER = 'ApiOriginDomain';
