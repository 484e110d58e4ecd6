/**
 * What the templates use that the npm cfn-lint's bundled 2019 resource specification does not
 * know. Each entry is copied from the current specification (`@aws-cdk/aws-service-spec`) into
 * cfn-lint's before it runs, so the property is still validated; nothing is dropped from the
 * template. The validation fails when the templates use something new that is not listed here,
 * and when an entry is no longer needed.
 */
export const NPM_CFN_LINT_ALLOW_LIST: Readonly<Record<string, string>> = {
  'AWS::CloudFront::Function':
    'Resource type added in 2021 (CloudFront Functions); the SPA route rewrite.',
  'AWS::CloudFront::OriginAccessControl':
    'Resource type added in 2022; origin access control replaces origin access identities for private S3 origins.',
  'AWS::CloudFront::VpcOrigin':
    'Resource type added in 2024 (CloudFront VPC origins); outside dev CloudFront reaches the private API through it.',
  'AWS::CloudFront::Distribution DistributionConfig.Origins.OriginAccessControlId':
    'Added with origin access control (2022).',
  'AWS::CloudFront::Distribution DistributionConfig.DefaultCacheBehavior.CachePolicyId':
    'Managed cache policies, added in 2020.',
  'AWS::CloudFront::Distribution DistributionConfig.CacheBehaviors.CachePolicyId':
    'Managed cache policies, added in 2020.',
  'AWS::CloudFront::Distribution DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId':
    'Response headers policies (security headers), added in 2021.',
  'AWS::CloudFront::Distribution DistributionConfig.CacheBehaviors.ResponseHeadersPolicyId':
    'Response headers policies (security headers), added in 2021.',
  'AWS::CloudFront::Distribution DistributionConfig.DefaultCacheBehavior.FunctionAssociations':
    'CloudFront Functions associations, added in 2021.',
  'AWS::DynamoDB::Table DeletionProtectionEnabled': 'Table deletion protection, added in 2023.',
  'AWS::DynamoDB::Table SSESpecification.SSEType':
    'KMS server-side encryption type, added after the bundled specification.',
  'AWS::EC2::LaunchTemplate LaunchTemplateData.MetadataOptions':
    'Instance metadata options (IMDSv2), added in late 2019.',
  'AWS::EC2::LaunchTemplate TagSpecifications':
    'Tags on the launch template itself, added in 2020.',
  'AWS::IAM::Role Description': 'Role descriptions, added after the bundled specification.',
  'AWS::Logs::LogGroup KmsKeyId': 'KMS encryption of log groups in CloudFormation, added in 2020.',
  'AWS::S3::Bucket BucketEncryption.ServerSideEncryptionConfiguration.BucketKeyEnabled':
    'S3 Bucket Keys, added in 2020.',
  'AWS::S3::Bucket LifecycleConfiguration.Rules.NoncurrentVersionExpiration':
    'Structured noncurrent-version expiration, added in 2021.',
  'AWS::S3::Bucket NotificationConfiguration.EventBridgeConfiguration':
    'S3 events to EventBridge, added in 2021.',
  'AWS::S3::Bucket OwnershipControls': 'Object ownership (ACLs disabled), added in 2020.',
  // Tags became available on these types after the bundled specification; the standard
  // Project/Environment/CostCenter tags go on every taggable resource.
  'AWS::CloudWatch::Alarm Tags': 'Tags on alarms, added after the bundled specification.',
  'AWS::EC2::EIP Tags': 'Tags on Elastic IPs, added after the bundled specification.',
  'AWS::EC2::FlowLog Tags': 'Tags on flow logs, added after the bundled specification.',
  'AWS::EC2::VPCEndpoint Tags': 'Tags on VPC endpoints, added after the bundled specification.',
  'AWS::IAM::Role Tags': 'Tags on roles, added in 2019 after the bundled specification.',
  'AWS::Logs::LogGroup Tags': 'Tags on log groups, added after the bundled specification.',
  'AWS::SNS::Topic Tags': 'Tags on topics, added after the bundled specification.',
  'AWS::SSM::Parameter Tags': 'Tags on parameters, added after the bundled specification.',
};

/**
 * Intrinsic functions CloudFormation accepts inside another that the npm cfn-lint's table does
 * not list (see the "Fn::If" page of the CloudFormation user guide), added to its table.
 */
export const NPM_CFN_LINT_NESTED_FUNCTIONS: Readonly<
  Record<string, { readonly functions: readonly string[]; readonly reason: string }>
> = {
  'Fn::If': {
    functions: ['Fn::ImportValue', 'Fn::Sub'],
    reason:
      'CloudFormation supports Fn::ImportValue and Fn::Sub inside Fn::If; the bundled table predates that.',
  },
};

/** Properties the bundled specification marks required that the current one does not. */
export const NPM_CFN_LINT_NO_LONGER_REQUIRED: Readonly<Record<string, string>> = {
  'AWS::CloudFront::Distribution.DefaultCacheBehavior ForwardedValues':
    'Optional since cache policies (2020); the distribution uses managed cache policies instead.',
  'AWS::CloudFront::Distribution.CacheBehavior ForwardedValues':
    'Optional since cache policies (2020); the distribution uses managed cache policies instead.',
};

/**
 * Findings of the npm cfn-lint that are wrong about the template, each with the reason; matched
 * on the start of the finding. The validation fails when one no longer occurs.
 */
export const NPM_CFN_LINT_FALSE_POSITIVES: Readonly<Record<string, string>> = {
  'main-stack.yml: Resources > ApiVpcOrigin > Properties > VpcOriginEndpointConfig > Arn: Expecting an ARN':
    "It checks the Ref against the ApiOriginArn parameter's default (empty), but ApiVpcOrigin exists only under HasVpcOrigin, when the parameter holds an ARN (AllowedPattern); the Python cfn-lint, which evaluates conditions, agrees.",
};
