import type { StackId } from './stacks';

/**
 * The stack outputs the deploy commands read, by the names the template generators give them.
 * Kept in one place so a renamed output is a one-line change and a missing one a clear error.
 */
export const OUTPUTS = {
  artifactBucket: { stack: 'main', key: 'ArtifactBucketName' },
  websiteBucket: { stack: 'main', key: 'WebsiteBucketName' },
  distributionId: { stack: 'main', key: 'CloudFrontDistributionId' },
  websiteUrl: { stack: 'main', key: 'WebsiteUrl' },
  imagesBucket: { stack: 'main', key: 'ImagesBucketName' },
  apiUrl: { stack: 'ec2', key: 'ApiUrl' },
} as const satisfies Record<string, { stack: StackId; key: string }>;

export type OutputName = keyof typeof OUTPUTS;
