// Generated from @aws-cdk/aws-service-spec by `nx run infra:generate`; do not edit.
// The list of resource types is infrastructure/src/spec/resource-types.ts.
/* eslint-disable */
import type { Bool, CfnTag, Json, List, Num, Obj, Str, StrMap } from '../values';

/** AWS::AutoScaling::AutoScalingGroup: The `AWS::AutoScaling::AutoScalingGroup` resource defines an Amazon EC2 Auto Scaling group, which is a collection of Amazon EC2 instances that are treated as a logical grouping for the purposes of aut */
export interface AutoScalingAutoScalingGroupProps {
  readonly AutoScalingGroupName?: Str;
  readonly AvailabilityZoneDistribution?: Obj<AutoScalingAutoScalingGroupAvailabilityZoneDistribution>;
  readonly AvailabilityZoneIds?: List<Str>;
  readonly AvailabilityZoneImpairmentPolicy?: Obj<AutoScalingAutoScalingGroupAvailabilityZoneImpairmentPolicy>;
  readonly AvailabilityZones?: List<Str>;
  readonly CapacityRebalance?: Bool;
  readonly CapacityReservationSpecification?: Obj<AutoScalingAutoScalingGroupCapacityReservationSpecification>;
  readonly Context?: Str;
  readonly Cooldown?: Str;
  readonly DefaultInstanceWarmup?: Num;
  readonly DeletionProtection?: Str;
  readonly DesiredCapacity?: Str;
  readonly DesiredCapacityType?: Str;
  readonly HealthCheckGracePeriod?: Num;
  readonly HealthCheckType?: Str;
  readonly InstanceId?: Str;
  readonly InstanceLifecyclePolicy?: Obj<AutoScalingAutoScalingGroupInstanceLifecyclePolicy>;
  readonly InstanceMaintenancePolicy?: Obj<AutoScalingAutoScalingGroupInstanceMaintenancePolicy>;
  readonly LaunchConfigurationName?: Str;
  readonly LaunchTemplate?: Obj<AutoScalingAutoScalingGroupLaunchTemplateSpecification>;
  readonly LifecycleHookSpecificationList?: List<
    Obj<AutoScalingAutoScalingGroupLifecycleHookSpecification>
  >;
  readonly LoadBalancerNames?: List<Str>;
  readonly MaxInstanceLifetime?: Num;
  readonly MaxSize: Str;
  readonly MetricsCollection?: List<Obj<AutoScalingAutoScalingGroupMetricsCollection>>;
  readonly MinSize: Str;
  readonly MixedInstancesPolicy?: Obj<AutoScalingAutoScalingGroupMixedInstancesPolicy>;
  readonly NewInstancesProtectedFromScaleIn?: Bool;
  readonly NotificationConfiguration?: Obj<AutoScalingAutoScalingGroupNotificationConfiguration>;
  readonly NotificationConfigurations?: List<
    Obj<AutoScalingAutoScalingGroupNotificationConfiguration>
  >;
  readonly PlacementGroup?: Str;
  readonly ServiceLinkedRoleARN?: Str;
  readonly SkipZonalShiftValidation?: Bool;
  readonly Tags?: List<Obj<AutoScalingAutoScalingGroupTagProperty>>;
  readonly TargetGroupARNs?: List<Str>;
  readonly TerminationPolicies?: List<Str>;
  readonly TrafficSources?: List<Obj<AutoScalingAutoScalingGroupTrafficSourceIdentifier>>;
  readonly VPCZoneIdentifier?: List<Str>;
}

/** AWS::AutoScaling::AutoScalingGroup.AvailabilityZoneDistribution: `AvailabilityZoneDistribution` is a property of the [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html)  */
export interface AutoScalingAutoScalingGroupAvailabilityZoneDistribution {
  readonly CapacityDistributionStrategy?: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.AvailabilityZoneImpairmentPolicy: Describes an Availability Zone impairment policy. */
export interface AutoScalingAutoScalingGroupAvailabilityZoneImpairmentPolicy {
  readonly ImpairedZoneHealthCheckBehavior: Str;
  readonly ZonalShiftEnabled: Bool;
}

/** AWS::AutoScaling::AutoScalingGroup.CapacityReservationSpecification: Describes the Capacity Reservation preference and targeting options. */
export interface AutoScalingAutoScalingGroupCapacityReservationSpecification {
  readonly CapacityReservationPreference: Str;
  readonly CapacityReservationTarget?: Obj<AutoScalingAutoScalingGroupCapacityReservationTarget>;
}

/** AWS::AutoScaling::AutoScalingGroup.InstanceLifecyclePolicy: The instance lifecycle policy for the Auto Scaling group. */
export interface AutoScalingAutoScalingGroupInstanceLifecyclePolicy {
  readonly RetentionTriggers?: Obj<AutoScalingAutoScalingGroupRetentionTriggers>;
}

/** AWS::AutoScaling::AutoScalingGroup.InstanceMaintenancePolicy: `InstanceMaintenancePolicy` is a property of the [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html) res */
export interface AutoScalingAutoScalingGroupInstanceMaintenancePolicy {
  readonly MaxHealthyPercentage?: Num;
  readonly MinHealthyPercentage?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.LaunchTemplateSpecification: Specifies a launch template to use when provisioning EC2 instances for an Auto Scaling group. */
export interface AutoScalingAutoScalingGroupLaunchTemplateSpecification {
  readonly LaunchTemplateId?: Str;
  readonly LaunchTemplateName?: Str;
  readonly Version: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.LifecycleHookSpecification: `LifecycleHookSpecification` specifies a lifecycle hook for the `LifecycleHookSpecificationList` property of the [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormation/late */
export interface AutoScalingAutoScalingGroupLifecycleHookSpecification {
  readonly DefaultResult?: Str;
  readonly HeartbeatTimeout?: Num;
  readonly LifecycleHookName: Str;
  readonly LifecycleTransition: Str;
  readonly NotificationMetadata?: Str;
  readonly NotificationTargetARN?: Str;
  readonly RoleARN?: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.MetricsCollection: `MetricsCollection` is a property of the [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html) resource th */
export interface AutoScalingAutoScalingGroupMetricsCollection {
  readonly Granularity: Str;
  readonly Metrics?: List<Str>;
}

/** AWS::AutoScaling::AutoScalingGroup.MixedInstancesPolicy: Use this structure to launch multiple instance types and On-Demand Instances and Spot Instances within a single Auto Scaling group. */
export interface AutoScalingAutoScalingGroupMixedInstancesPolicy {
  readonly InstancesDistribution?: Obj<AutoScalingAutoScalingGroupInstancesDistribution>;
  readonly LaunchTemplate: Obj<AutoScalingAutoScalingGroupLaunchTemplate>;
}

/** AWS::AutoScaling::AutoScalingGroup.NotificationConfiguration: A structure that specifies an Amazon SNS notification configuration for the `NotificationConfigurations` property of the [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormat */
export interface AutoScalingAutoScalingGroupNotificationConfiguration {
  readonly NotificationTypes?: List<Str>;
  readonly TopicARN: Str | List<Str>;
}

/** AWS::AutoScaling::AutoScalingGroup.TagProperty: A structure that specifies a tag for the `Tags` property of [AWS::AutoScaling::AutoScalingGroup](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggrou */
export interface AutoScalingAutoScalingGroupTagProperty {
  readonly Key: Str;
  readonly PropagateAtLaunch: Bool;
  readonly Value: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.TrafficSourceIdentifier: Identifying information for a traffic source. */
export interface AutoScalingAutoScalingGroupTrafficSourceIdentifier {
  readonly Identifier: Str;
  readonly Type: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.CapacityReservationTarget: The target for the Capacity Reservation. */
export interface AutoScalingAutoScalingGroupCapacityReservationTarget {
  readonly CapacityReservationIds?: List<Str>;
  readonly CapacityReservationResourceGroupArns?: List<Str>;
}

/** AWS::AutoScaling::AutoScalingGroup.RetentionTriggers: Defines the specific triggers that cause instances to be retained in a Retained state rather than terminated. */
export interface AutoScalingAutoScalingGroupRetentionTriggers {
  readonly TerminateHookAbandon?: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.InstancesDistribution: Use this structure to specify the distribution of On-Demand Instances and Spot Instances and the allocation strategies used to fulfill On-Demand and Spot capacities for a mixed instances policy. */
export interface AutoScalingAutoScalingGroupInstancesDistribution {
  readonly DistributionSegments?: List<Obj<AutoScalingAutoScalingGroupDistributionSegment>>;
  readonly OnDemandAllocationStrategy?: Str;
  readonly OnDemandBaseCapacity?: Num;
  readonly OnDemandPercentageAboveBaseCapacity?: Num;
  readonly SpotAllocationStrategy?: Str;
  readonly SpotInstancePools?: Num;
  readonly SpotMaxPrice?: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.LaunchTemplate: Use this structure to specify the launch templates and instance types (overrides) for a mixed instances policy. */
export interface AutoScalingAutoScalingGroupLaunchTemplate {
  readonly LaunchTemplateSpecification: Obj<AutoScalingAutoScalingGroupLaunchTemplateSpecification>;
  readonly Overrides?: List<Obj<AutoScalingAutoScalingGroupLaunchTemplateOverrides>>;
}

/** AWS::AutoScaling::AutoScalingGroup.DistributionSegment: Use this structure to specify the capacity types that Amazon EC2 Auto Scaling prioritizes when it launches instances. */
export interface AutoScalingAutoScalingGroupDistributionSegment {
  readonly TargetCapacityTypes: List<Str>;
}

/** AWS::AutoScaling::AutoScalingGroup.LaunchTemplateOverrides: Use this structure to let Amazon EC2 Auto Scaling do the following when the Auto Scaling group has a mixed instances policy: */
export interface AutoScalingAutoScalingGroupLaunchTemplateOverrides {
  readonly ImageId?: Str;
  readonly InstanceRequirements?: Obj<AutoScalingAutoScalingGroupInstanceRequirements>;
  readonly InstanceType?: Str;
  readonly LaunchTemplateSpecification?: Obj<AutoScalingAutoScalingGroupLaunchTemplateSpecification>;
  readonly WeightedCapacity?: Str;
}

/** AWS::AutoScaling::AutoScalingGroup.InstanceRequirements: The attributes for the instance types for a mixed instances policy. */
export interface AutoScalingAutoScalingGroupInstanceRequirements {
  readonly AcceleratorCount?: Obj<AutoScalingAutoScalingGroupAcceleratorCountRequest>;
  readonly AcceleratorManufacturers?: List<Str>;
  readonly AcceleratorNames?: List<Str>;
  readonly AcceleratorTotalMemoryMiB?: Obj<AutoScalingAutoScalingGroupAcceleratorTotalMemoryMiBRequest>;
  readonly AcceleratorTypes?: List<Str>;
  readonly AllowedInstanceTypes?: List<Str>;
  readonly BareMetal?: Str;
  readonly BaselineEbsBandwidthMbps?: Obj<AutoScalingAutoScalingGroupBaselineEbsBandwidthMbpsRequest>;
  readonly BaselinePerformanceFactors?: Obj<AutoScalingAutoScalingGroupBaselinePerformanceFactorsRequest>;
  readonly BurstablePerformance?: Str;
  readonly CpuManufacturers?: List<Str>;
  readonly ExcludedInstanceTypes?: List<Str>;
  readonly InstanceGenerations?: List<Str>;
  readonly LocalStorage?: Str;
  readonly LocalStorageTypes?: List<Str>;
  readonly MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: Num;
  readonly MemoryGiBPerVCpu?: Obj<AutoScalingAutoScalingGroupMemoryGiBPerVCpuRequest>;
  readonly MemoryMiB: Obj<AutoScalingAutoScalingGroupMemoryMiBRequest>;
  readonly NetworkBandwidthGbps?: Obj<AutoScalingAutoScalingGroupNetworkBandwidthGbpsRequest>;
  readonly NetworkInterfaceCount?: Obj<AutoScalingAutoScalingGroupNetworkInterfaceCountRequest>;
  readonly OnDemandMaxPricePercentageOverLowestPrice?: Num;
  readonly RequireHibernateSupport?: Bool;
  readonly SpotMaxPricePercentageOverLowestPrice?: Num;
  readonly TotalLocalStorageGB?: Obj<AutoScalingAutoScalingGroupTotalLocalStorageGBRequest>;
  readonly VCpuCount: Obj<AutoScalingAutoScalingGroupVCpuCountRequest>;
}

/** AWS::AutoScaling::AutoScalingGroup.AcceleratorCountRequest: `AcceleratorCountRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/latest/ */
export interface AutoScalingAutoScalingGroupAcceleratorCountRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.AcceleratorTotalMemoryMiBRequest: `AcceleratorTotalMemoryMiBRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormatio */
export interface AutoScalingAutoScalingGroupAcceleratorTotalMemoryMiBRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.BaselineEbsBandwidthMbpsRequest: `BaselineEbsBandwidthMbpsRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation */
export interface AutoScalingAutoScalingGroupBaselineEbsBandwidthMbpsRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.BaselinePerformanceFactorsRequest: The baseline performance to consider, using an instance family as a baseline reference. */
export interface AutoScalingAutoScalingGroupBaselinePerformanceFactorsRequest {
  readonly Cpu?: Obj<AutoScalingAutoScalingGroupCpuPerformanceFactorRequest>;
}

/** AWS::AutoScaling::AutoScalingGroup.MemoryGiBPerVCpuRequest: `MemoryGiBPerVCpuRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/latest/ */
export interface AutoScalingAutoScalingGroupMemoryGiBPerVCpuRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.MemoryMiBRequest: `MemoryMiBRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGui */
export interface AutoScalingAutoScalingGroupMemoryMiBRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.NetworkBandwidthGbpsRequest: `NetworkBandwidthGbpsRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/lat */
export interface AutoScalingAutoScalingGroupNetworkBandwidthGbpsRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.NetworkInterfaceCountRequest: `NetworkInterfaceCountRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/la */
export interface AutoScalingAutoScalingGroupNetworkInterfaceCountRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.TotalLocalStorageGBRequest: `TotalLocalStorageGBRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/late */
export interface AutoScalingAutoScalingGroupTotalLocalStorageGBRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.VCpuCountRequest: `VCpuCountRequest` is a property of the `InstanceRequirements` property of the [AWS::AutoScaling::AutoScalingGroup LaunchTemplateOverrides](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGui */
export interface AutoScalingAutoScalingGroupVCpuCountRequest {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::AutoScaling::AutoScalingGroup.CpuPerformanceFactorRequest: The CPU performance to consider, using an instance family as the baseline reference. */
export interface AutoScalingAutoScalingGroupCpuPerformanceFactorRequest {
  readonly References?: List<Obj<AutoScalingAutoScalingGroupPerformanceFactorReferenceRequest>>;
}

/** AWS::AutoScaling::AutoScalingGroup.PerformanceFactorReferenceRequest: Specify an instance family to use as the baseline reference for CPU performance. */
export interface AutoScalingAutoScalingGroupPerformanceFactorReferenceRequest {
  readonly InstanceFamily?: Str;
}

/** AWS::CloudFront::Distribution: A distribution tells CloudFront where you want content to be delivered from, and the details about how to track and manage content delivery. */
export interface CloudFrontDistributionProps {
  readonly DistributionConfig: Obj<CloudFrontDistributionDistributionConfig>;
  readonly Tags?: List<CfnTag>;
}

/** AWS::CloudFront::Distribution.DistributionConfig: A distribution configuration. */
export interface CloudFrontDistributionDistributionConfig {
  readonly Aliases?: List<Str>;
  readonly AnycastIpListId?: Str;
  readonly CNAMEs?: List<Str>;
  readonly CacheBehaviors?: List<Obj<CloudFrontDistributionCacheBehavior>>;
  readonly CacheTagConfig?: Obj<CloudFrontDistributionCacheTagConfig>;
  readonly Comment?: Str;
  readonly ConnectionFunctionAssociation?: Obj<CloudFrontDistributionConnectionFunctionAssociation>;
  readonly ConnectionMode?: Str;
  readonly ContinuousDeploymentPolicyId?: Str;
  readonly CustomErrorResponses?: List<Obj<CloudFrontDistributionCustomErrorResponse>>;
  readonly CustomOrigin?: Obj<CloudFrontDistributionLegacyCustomOrigin>;
  readonly DefaultCacheBehavior: Obj<CloudFrontDistributionDefaultCacheBehavior>;
  readonly DefaultRootObject?: Str;
  readonly Enabled: Bool;
  readonly HttpVersion?: Str;
  readonly IPV6Enabled?: Bool;
  readonly Logging?: Obj<CloudFrontDistributionLogging>;
  readonly OriginGroups?: Obj<CloudFrontDistributionOriginGroups>;
  readonly Origins?: List<Obj<CloudFrontDistributionOrigin>>;
  readonly PriceClass?: Str;
  readonly Restrictions?: Obj<CloudFrontDistributionRestrictions>;
  readonly S3Origin?: Obj<CloudFrontDistributionLegacyS3Origin>;
  readonly Staging?: Bool;
  readonly TenantConfig?: Obj<CloudFrontDistributionTenantConfig>;
  readonly ViewerCertificate?: Obj<CloudFrontDistributionViewerCertificate>;
  readonly ViewerMtlsConfig?: Obj<CloudFrontDistributionViewerMtlsConfig>;
  readonly WebACLId?: Str;
}

/** AWS::CloudFront::Distribution.CacheBehavior: A complex type that describes how CloudFront processes requests. */
export interface CloudFrontDistributionCacheBehavior {
  readonly AllowedMethods?: List<Str>;
  readonly CachePolicyId?: Str;
  readonly CachedMethods?: List<Str>;
  readonly Compress?: Bool;
  readonly DefaultTTL?: Num;
  readonly FieldLevelEncryptionId?: Str;
  readonly ForwardedValues?: Obj<CloudFrontDistributionForwardedValues>;
  readonly FunctionAssociations?: List<Obj<CloudFrontDistributionFunctionAssociation>>;
  readonly GrpcConfig?: Obj<CloudFrontDistributionGrpcConfig>;
  readonly LambdaFunctionAssociations?: List<Obj<CloudFrontDistributionLambdaFunctionAssociation>>;
  readonly MaxTTL?: Num;
  readonly MinTTL?: Num;
  readonly OriginRequestPolicyId?: Str;
  readonly PathPattern: Str;
  readonly RealtimeLogConfigArn?: Str;
  readonly ResponseHeadersPolicyId?: Str;
  readonly SmoothStreaming?: Bool;
  readonly TargetOriginId: Str;
  readonly TrustedKeyGroups?: List<Str>;
  readonly TrustedSigners?: List<Str>;
  readonly ViewerProtocolPolicy: Str;
}

/** AWS::CloudFront::Distribution.CacheTagConfig: A complex type that specifies the HTTP header name from which CloudFront extracts cache tags from origin responses. */
export interface CloudFrontDistributionCacheTagConfig {
  readonly HeaderName: Str;
}

/** AWS::CloudFront::Distribution.ConnectionFunctionAssociation: A connection function association. */
export interface CloudFrontDistributionConnectionFunctionAssociation {
  readonly Id: Str;
}

/** AWS::CloudFront::Distribution.CustomErrorResponse: A complex type that controls: */
export interface CloudFrontDistributionCustomErrorResponse {
  readonly ErrorCachingMinTTL?: Num;
  readonly ErrorCode: Num;
  readonly ResponseCode?: Num;
  readonly ResponsePagePath?: Str;
}

/** AWS::CloudFront::Distribution.LegacyCustomOrigin: A custom origin. */
export interface CloudFrontDistributionLegacyCustomOrigin {
  readonly DNSName: Str;
  readonly HTTPPort?: Num;
  readonly HTTPSPort?: Num;
  readonly OriginProtocolPolicy: Str;
  readonly OriginSSLProtocols: List<Str>;
}

/** AWS::CloudFront::Distribution.DefaultCacheBehavior: A complex type that describes the default cache behavior if you don't specify a `CacheBehavior` element or if request URLs don't match any of the values of `PathPattern` in `CacheBehavior` elements. */
export interface CloudFrontDistributionDefaultCacheBehavior {
  readonly AllowedMethods?: List<Str>;
  readonly CachePolicyId?: Str;
  readonly CachedMethods?: List<Str>;
  readonly Compress?: Bool;
  readonly DefaultTTL?: Num;
  readonly FieldLevelEncryptionId?: Str;
  readonly ForwardedValues?: Obj<CloudFrontDistributionForwardedValues>;
  readonly FunctionAssociations?: List<Obj<CloudFrontDistributionFunctionAssociation>>;
  readonly GrpcConfig?: Obj<CloudFrontDistributionGrpcConfig>;
  readonly LambdaFunctionAssociations?: List<Obj<CloudFrontDistributionLambdaFunctionAssociation>>;
  readonly MaxTTL?: Num;
  readonly MinTTL?: Num;
  readonly OriginRequestPolicyId?: Str;
  readonly RealtimeLogConfigArn?: Str;
  readonly ResponseHeadersPolicyId?: Str;
  readonly SmoothStreaming?: Bool;
  readonly TargetOriginId: Str;
  readonly TrustedKeyGroups?: List<Str>;
  readonly TrustedSigners?: List<Str>;
  readonly ViewerProtocolPolicy: Str;
}

/** AWS::CloudFront::Distribution.Logging: A complex type that specifies whether access logs are written for the distribution. */
export interface CloudFrontDistributionLogging {
  readonly Bucket?: Str;
  readonly IncludeCookies?: Bool;
  readonly Prefix?: Str;
}

/** AWS::CloudFront::Distribution.OriginGroups: A complex data type for the origin groups specified for a distribution. */
export interface CloudFrontDistributionOriginGroups {
  readonly Items?: List<Obj<CloudFrontDistributionOriginGroup>>;
  readonly Quantity: Num;
}

/** AWS::CloudFront::Distribution.Origin: An origin. */
export interface CloudFrontDistributionOrigin {
  readonly ConnectionAttempts?: Num;
  readonly ConnectionTimeout?: Num;
  readonly CustomOriginConfig?: Obj<CloudFrontDistributionCustomOriginConfig>;
  readonly DomainName: Str;
  readonly Id: Str;
  readonly OriginAccessControlId?: Str;
  readonly OriginCustomHeaders?: List<Obj<CloudFrontDistributionOriginCustomHeader>>;
  readonly OriginPath?: Str;
  readonly OriginShield?: Obj<CloudFrontDistributionOriginShield>;
  readonly ResponseCompletionTimeout?: Num;
  readonly S3OriginConfig?: Obj<CloudFrontDistributionS3OriginConfig>;
  readonly VpcOriginConfig?: Obj<CloudFrontDistributionVpcOriginConfig>;
}

/** AWS::CloudFront::Distribution.Restrictions: A complex type that identifies ways in which you want to restrict distribution of your content. */
export interface CloudFrontDistributionRestrictions {
  readonly GeoRestriction: Obj<CloudFrontDistributionGeoRestriction>;
}

/** AWS::CloudFront::Distribution.LegacyS3Origin: The origin as an Amazon S3 bucket. */
export interface CloudFrontDistributionLegacyS3Origin {
  readonly DNSName: Str;
  readonly OriginAccessIdentity?: Str;
}

/** AWS::CloudFront::Distribution.TenantConfig: > This field only supports multi-tenant distributions. */
export interface CloudFrontDistributionTenantConfig {
  readonly ParameterDefinitions?: List<Obj<CloudFrontDistributionParameterDefinition>>;
}

/** AWS::CloudFront::Distribution.ViewerCertificate: A complex type that determines the distribution's SSL/TLS configuration for communicating with viewers. */
export interface CloudFrontDistributionViewerCertificate {
  readonly AcmCertificateArn?: Str;
  readonly CloudFrontDefaultCertificate?: Bool;
  readonly IamCertificateId?: Str;
  readonly MinimumProtocolVersion?: Str;
  readonly SslSupportMethod?: Str;
}

/** AWS::CloudFront::Distribution.ViewerMtlsConfig: A viewer mTLS configuration. */
export interface CloudFrontDistributionViewerMtlsConfig {
  readonly Mode?: Str;
  readonly TrustStoreConfig?: Obj<CloudFrontDistributionTrustStoreConfig>;
}

/** AWS::CloudFront::Distribution.ForwardedValues: > This field only supports standard distributions. */
export interface CloudFrontDistributionForwardedValues {
  readonly Cookies?: Obj<CloudFrontDistributionCookies>;
  readonly Headers?: List<Str>;
  readonly QueryString: Bool;
  readonly QueryStringCacheKeys?: List<Str>;
}

/** AWS::CloudFront::Distribution.FunctionAssociation: A CloudFront function that is associated with a cache behavior in a CloudFront distribution. */
export interface CloudFrontDistributionFunctionAssociation {
  readonly EventType?: Str;
  readonly FunctionARN?: Str;
}

/** AWS::CloudFront::Distribution.GrpcConfig: Amazon CloudFront supports gRPC, an open-source remote procedure call (RPC) framework built on HTTP/2. */
export interface CloudFrontDistributionGrpcConfig {
  readonly Enabled: Bool;
}

/** AWS::CloudFront::Distribution.LambdaFunctionAssociation: A complex type that contains a Lambda@Edge function association. */
export interface CloudFrontDistributionLambdaFunctionAssociation {
  readonly EventType?: Str;
  readonly IncludeBody?: Bool;
  readonly LambdaFunctionARN?: Str;
}

/** AWS::CloudFront::Distribution.OriginGroup: An origin group includes two origins (a primary origin and a secondary origin to failover to) and a failover criteria that you specify. */
export interface CloudFrontDistributionOriginGroup {
  readonly FailoverCriteria: Obj<CloudFrontDistributionOriginGroupFailoverCriteria>;
  readonly Id: Str;
  readonly Members: Obj<CloudFrontDistributionOriginGroupMembers>;
  readonly SelectionCriteria?: Str;
}

/** AWS::CloudFront::Distribution.CustomOriginConfig: A custom origin. */
export interface CloudFrontDistributionCustomOriginConfig {
  readonly HTTPPort?: Num;
  readonly HTTPSPort?: Num;
  readonly IpAddressType?: Str;
  readonly OriginKeepaliveTimeout?: Num;
  readonly OriginMtlsConfig?: Obj<CloudFrontDistributionOriginMtlsConfig>;
  readonly OriginProtocolPolicy: Str;
  readonly OriginReadTimeout?: Num;
  readonly OriginSSLProtocols?: List<Str>;
}

/** AWS::CloudFront::Distribution.OriginCustomHeader: A complex type that contains `HeaderName` and `HeaderValue` elements, if any, for this distribution. */
export interface CloudFrontDistributionOriginCustomHeader {
  readonly HeaderName: Str;
  readonly HeaderValue: Str;
}

/** AWS::CloudFront::Distribution.OriginShield: CloudFront Origin Shield. */
export interface CloudFrontDistributionOriginShield {
  readonly Enabled?: Bool;
  readonly OriginShieldRegion?: Str;
}

/** AWS::CloudFront::Distribution.S3OriginConfig: A complex type that contains information about the Amazon S3 origin. */
export interface CloudFrontDistributionS3OriginConfig {
  readonly OriginAccessIdentity?: Str;
  readonly OriginReadTimeout?: Num;
}

/** AWS::CloudFront::Distribution.VpcOriginConfig: An Amazon CloudFront VPC origin configuration. */
export interface CloudFrontDistributionVpcOriginConfig {
  readonly OriginKeepaliveTimeout?: Num;
  readonly OriginReadTimeout?: Num;
  readonly OwnerAccountId?: Str;
  readonly VpcOriginId: Str;
}

/** AWS::CloudFront::Distribution.GeoRestriction: A complex type that controls the countries in which your content is distributed. */
export interface CloudFrontDistributionGeoRestriction {
  readonly Locations?: List<Str>;
  readonly RestrictionType: Str;
}

/** AWS::CloudFront::Distribution.ParameterDefinition: A list of parameter values to add to the resource. */
export interface CloudFrontDistributionParameterDefinition {
  readonly Definition: Obj<CloudFrontDistributionDefinition>;
  readonly Name: Str;
}

/** AWS::CloudFront::Distribution.TrustStoreConfig: A trust store configuration. */
export interface CloudFrontDistributionTrustStoreConfig {
  readonly AdvertiseTrustStoreCaNames?: Bool;
  readonly IgnoreCertificateExpiry?: Bool;
  readonly TrustStoreId: Str;
}

/** AWS::CloudFront::Distribution.Cookies: This field is deprecated. */
export interface CloudFrontDistributionCookies {
  readonly Forward: Str;
  readonly WhitelistedNames?: List<Str>;
}

/** AWS::CloudFront::Distribution.OriginGroupFailoverCriteria: A complex data type that includes information about the failover criteria for an origin group, including the status codes for which CloudFront will failover from the primary origin to the second origi */
export interface CloudFrontDistributionOriginGroupFailoverCriteria {
  readonly StatusCodes: Obj<CloudFrontDistributionStatusCodes>;
}

/** AWS::CloudFront::Distribution.OriginGroupMembers: A complex data type for the origins included in an origin group. */
export interface CloudFrontDistributionOriginGroupMembers {
  readonly Items: List<Obj<CloudFrontDistributionOriginGroupMember>>;
  readonly Quantity: Num;
}

/** AWS::CloudFront::Distribution.OriginMtlsConfig: Configures mutual TLS authentication between CloudFront and your origin server. */
export interface CloudFrontDistributionOriginMtlsConfig {
  readonly ClientCertificateArn: Str;
}

/** AWS::CloudFront::Distribution.Definition: The value that you assigned to the parameter. */
export interface CloudFrontDistributionDefinition {
  readonly StringSchema?: Obj<CloudFrontDistributionStringSchema>;
}

/** AWS::CloudFront::Distribution.StatusCodes: A complex data type for the status codes that you specify that, when returned by a primary origin, trigger CloudFront to failover to a second origin. */
export interface CloudFrontDistributionStatusCodes {
  readonly Items: List<Num>;
  readonly Quantity: Num;
}

/** AWS::CloudFront::Distribution.OriginGroupMember: An origin in an origin group. */
export interface CloudFrontDistributionOriginGroupMember {
  readonly OriginId: Str;
}

/** AWS::CloudFront::Distribution.StringSchema */
export interface CloudFrontDistributionStringSchema {
  readonly Comment?: Str;
  readonly DefaultValue?: Str;
  readonly Required: Bool;
}

/** AWS::CloudFront::Function: Creates a CloudFront function. */
export interface CloudFrontFunctionProps {
  readonly AutoPublish?: Bool;
  readonly FunctionCode: Str;
  readonly FunctionConfig: Obj<CloudFrontFunctionFunctionConfig>;
  readonly FunctionMetadata?: Obj<CloudFrontFunctionFunctionMetadata>;
  readonly Name: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::CloudFront::Function.FunctionConfig: Contains configuration information about a CloudFront function. */
export interface CloudFrontFunctionFunctionConfig {
  readonly Comment: Str;
  readonly KeyValueStoreAssociations?: List<Obj<CloudFrontFunctionKeyValueStoreAssociation>>;
  readonly Runtime: Str;
}

/** AWS::CloudFront::Function.FunctionMetadata: Contains metadata about a CloudFront function. */
export interface CloudFrontFunctionFunctionMetadata {
  readonly FunctionARN?: Str;
}

/** AWS::CloudFront::Function.KeyValueStoreAssociation: The key value store association. */
export interface CloudFrontFunctionKeyValueStoreAssociation {
  readonly KeyValueStoreARN: Str;
}

/** AWS::CloudFront::OriginAccessControl: Creates a new origin access control in CloudFront. */
export interface CloudFrontOriginAccessControlProps {
  readonly OriginAccessControlConfig: Obj<CloudFrontOriginAccessControlOriginAccessControlConfig>;
}

/** AWS::CloudFront::OriginAccessControl.OriginAccessControlConfig: Creates a new origin access control in CloudFront. */
export interface CloudFrontOriginAccessControlOriginAccessControlConfig {
  readonly Description?: Str;
  readonly Name: Str;
  readonly OriginAccessControlOriginType: Str;
  readonly SigningBehavior: Str;
  readonly SigningProtocol: Str;
}

/** AWS::CloudFront::VpcOrigin: An Amazon CloudFront VPC origin. */
export interface CloudFrontVpcOriginProps {
  readonly Tags?: List<CfnTag>;
  readonly VpcOriginEndpointConfig: Obj<CloudFrontVpcOriginVpcOriginEndpointConfig>;
}

/** AWS::CloudFront::VpcOrigin.VpcOriginEndpointConfig: An Amazon CloudFront VPC origin endpoint configuration. */
export interface CloudFrontVpcOriginVpcOriginEndpointConfig {
  readonly Arn: Str;
  readonly HTTPPort?: Num;
  readonly HTTPSPort?: Num;
  readonly IpAddressType?: Str;
  readonly Name: Str;
  readonly OriginProtocolPolicy?: Str;
  readonly OriginSSLProtocols?: List<Str>;
}

/** AWS::CloudTrail::Trail: Creates a trail that specifies the settings for delivery of log data to an Amazon S3 bucket. */
export interface CloudTrailTrailProps {
  readonly AdvancedEventSelectors?: List<Obj<CloudTrailTrailAdvancedEventSelector>>;
  readonly AggregationConfigurations?: List<Obj<CloudTrailTrailAggregationConfiguration>>;
  readonly CloudWatchLogsLogGroupArn?: Str;
  readonly CloudWatchLogsRoleArn?: Str;
  readonly EnableLogFileValidation?: Bool;
  readonly EventSelectors?: List<Obj<CloudTrailTrailEventSelector>>;
  readonly IncludeGlobalServiceEvents?: Bool;
  readonly InsightSelectors?: List<Obj<CloudTrailTrailInsightSelector>>;
  readonly IsLogging: Bool;
  readonly IsMultiRegionTrail?: Bool;
  readonly IsOrganizationTrail?: Bool;
  readonly KMSKeyId?: Str;
  readonly S3BucketName: Str;
  readonly S3KeyPrefix?: Str;
  readonly SnsTopicName?: Str;
  readonly Tags?: List<CfnTag>;
  readonly TrailName?: Str;
}

/** AWS::CloudTrail::Trail.AdvancedEventSelector: Advanced event selectors let you create fine-grained selectors for AWS CloudTrail management, data, and network activity events. */
export interface CloudTrailTrailAdvancedEventSelector {
  readonly FieldSelectors: List<Obj<CloudTrailTrailAdvancedFieldSelector>>;
  readonly Name?: Str;
}

/** AWS::CloudTrail::Trail.AggregationConfiguration: An object that contains configuration settings for aggregating events. */
export interface CloudTrailTrailAggregationConfiguration {
  readonly EventCategory: Str;
  readonly Templates: List<Str>;
}

/** AWS::CloudTrail::Trail.EventSelector: Use event selectors to further specify the management and data event settings for your trail. */
export interface CloudTrailTrailEventSelector {
  readonly DataResources?: List<Obj<CloudTrailTrailDataResource>>;
  readonly ExcludeManagementEventSources?: List<Str>;
  readonly IncludeManagementEvents?: Bool;
  readonly ReadWriteType?: Str;
}

/** AWS::CloudTrail::Trail.InsightSelector: A JSON string that contains a list of Insights types that are logged on a trail. */
export interface CloudTrailTrailInsightSelector {
  readonly EventCategories?: List<Str>;
  readonly InsightType?: Str;
}

/** AWS::CloudTrail::Trail.AdvancedFieldSelector: A single selector statement in an advanced event selector. */
export interface CloudTrailTrailAdvancedFieldSelector {
  readonly EndsWith?: List<Str>;
  readonly Equals?: List<Str>;
  readonly Field: Str;
  readonly NotEndsWith?: List<Str>;
  readonly NotEquals?: List<Str>;
  readonly NotStartsWith?: List<Str>;
  readonly StartsWith?: List<Str>;
}

/** AWS::CloudTrail::Trail.DataResource: You can configure the `DataResource` in an `EventSelector` to log data events for the following three resource types: */
export interface CloudTrailTrailDataResource {
  readonly Type: Str;
  readonly Values?: List<Str>;
}

/** AWS::CloudWatch::Alarm: The `AWS::CloudWatch::Alarm` type specifies an alarm and associates it with the specified metric or metric math expression. */
export interface CloudWatchAlarmProps {
  readonly ActionsEnabled?: Bool;
  readonly AlarmActions?: List<Str>;
  readonly AlarmDescription?: Str;
  readonly AlarmName?: Str;
  readonly ComparisonOperator?: Str;
  readonly DatapointsToAlarm?: Num;
  readonly Dimensions?: List<Obj<CloudWatchAlarmDimension>>;
  readonly EvaluateLowSampleCountPercentile?: Str;
  readonly EvaluationCriteria?: Obj<CloudWatchAlarmEvaluationCriteria>;
  readonly EvaluationInterval?: Num;
  readonly EvaluationPeriods?: Num;
  readonly EvaluationWindow?: Obj<CloudWatchAlarmEvaluationWindow>;
  readonly ExtendedStatistic?: Str;
  readonly InsufficientDataActions?: List<Str>;
  readonly MetricName?: Str;
  readonly Metrics?: List<Obj<CloudWatchAlarmMetricDataQuery>>;
  readonly Namespace?: Str;
  readonly OKActions?: List<Str>;
  readonly Period?: Num;
  readonly Statistic?: Str;
  readonly Tags?: List<CfnTag>;
  readonly Threshold?: Num;
  readonly ThresholdMetricId?: Str;
  readonly TreatMissingData?: Str;
  readonly Unit?: Str;
  readonly WarmUpConfiguration?: Obj<CloudWatchAlarmWarmUpConfiguration>;
}

/** AWS::CloudWatch::Alarm.Dimension: Dimension is an embedded property of the `AWS::CloudWatch::Alarm` type. */
export interface CloudWatchAlarmDimension {
  readonly Name: Str;
  readonly Value: Str;
}

/** AWS::CloudWatch::Alarm.EvaluationCriteria: The evaluation criteria for an alarm. */
export interface CloudWatchAlarmEvaluationCriteria {
  readonly PromQLCriteria?: Obj<CloudWatchAlarmAlarmPromQLCriteria>;
}

/** AWS::CloudWatch::Alarm.EvaluationWindow: The evaluation window that an alarm uses to select the range of metric data that it evaluates each time it runs. */
export interface CloudWatchAlarmEvaluationWindow {
  readonly SlidingWindow?: Json;
  readonly WallClockWindow?: Obj<CloudWatchAlarmWallClockWindow>;
}

/** AWS::CloudWatch::Alarm.MetricDataQuery: The `MetricDataQuery` property type specifies the metric data to return, and whether this call is just retrieving a batch set of data for one metric, or is performing a math expression on metric data. */
export interface CloudWatchAlarmMetricDataQuery {
  readonly AccountId?: Str;
  readonly Expression?: Str;
  readonly Id: Str;
  readonly Label?: Str;
  readonly MetricStat?: Obj<CloudWatchAlarmMetricStat>;
  readonly Period?: Num;
  readonly ReturnData?: Bool;
}

/** AWS::CloudWatch::Alarm.WarmUpConfiguration */
export interface CloudWatchAlarmWarmUpConfiguration {
  readonly OnlyStartEvaluatingAfterWarmUpPeriodEnds?: Bool;
  readonly WarmUpPeriodDurationInMinutes?: Num;
}

/** AWS::CloudWatch::Alarm.AlarmPromQLCriteria: Contains the configuration that determines how a PromQL alarm evaluates its contributors, including the query to run and the durations that define when contributors transition between states. */
export interface CloudWatchAlarmAlarmPromQLCriteria {
  readonly PendingPeriod?: Num;
  readonly Query?: Str;
  readonly RecoveryPeriod?: Num;
}

/** AWS::CloudWatch::Alarm.WallClockWindow: An evaluation window that aligns the evaluated range to fixed clock boundaries that match the alarm's period, such as the top of the hour, midnight, or the start of the calendar week, optionally in a  */
export interface CloudWatchAlarmWallClockWindow {
  readonly Timezone?: Str;
}

/** AWS::CloudWatch::Alarm.MetricStat: This structure defines the metric to be returned, along with the statistics, period, and units. */
export interface CloudWatchAlarmMetricStat {
  readonly Metric: Obj<CloudWatchAlarmMetric>;
  readonly Period: Num;
  readonly Stat: Str;
  readonly Unit?: Str;
}

/** AWS::CloudWatch::Alarm.Metric: The `Metric` property type represents a specific metric. */
export interface CloudWatchAlarmMetric {
  readonly Dimensions?: List<Obj<CloudWatchAlarmDimension>>;
  readonly MetricName?: Str;
  readonly Namespace?: Str;
}

/** AWS::CloudWatch::Dashboard: The `AWS::CloudWatch::Dashboard` resource specifies an Amazon CloudWatch dashboard. */
export interface CloudWatchDashboardProps {
  readonly DashboardBody: Str;
  readonly DashboardName?: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::DynamoDB::Table: The `AWS::DynamoDB::Table` resource creates a DynamoDB table. */
export interface DynamoDBTableProps {
  readonly AttributeDefinitions?: List<Obj<DynamoDBTableAttributeDefinition>>;
  readonly BillingMode?: Str;
  readonly ContributorInsightsSpecification?: Obj<DynamoDBTableContributorInsightsSpecification>;
  readonly DeletionProtectionEnabled?: Bool;
  readonly GlobalSecondaryIndexes?: List<Obj<DynamoDBTableGlobalSecondaryIndex>>;
  readonly ImportSourceSpecification?: Obj<DynamoDBTableImportSourceSpecification>;
  readonly KeySchema: List<Obj<DynamoDBTableKeySchema>> | Json;
  readonly KinesisStreamSpecification?: Obj<DynamoDBTableKinesisStreamSpecification>;
  readonly LocalSecondaryIndexes?: List<Obj<DynamoDBTableLocalSecondaryIndex>>;
  readonly OnDemandThroughput?: Obj<DynamoDBTableOnDemandThroughput>;
  readonly PointInTimeRecoverySpecification?: Obj<DynamoDBTablePointInTimeRecoverySpecification>;
  readonly ProvisionedThroughput?: Obj<DynamoDBTableProvisionedThroughput>;
  readonly ResourcePolicy?: Obj<DynamoDBTableResourcePolicy>;
  readonly SSESpecification?: Obj<DynamoDBTableSSESpecification>;
  readonly StreamSpecification?: Obj<DynamoDBTableStreamSpecification>;
  readonly TableClass?: Str;
  readonly TableName?: Str;
  readonly Tags?: List<CfnTag>;
  readonly TimeToLiveSpecification?: Obj<DynamoDBTableTimeToLiveSpecification>;
  readonly VectorIndexes?: List<Obj<DynamoDBTableVectorIndex>>;
  readonly WarmThroughput?: Obj<DynamoDBTableWarmThroughput>;
}

/** AWS::DynamoDB::Table.AttributeDefinition: Represents an attribute for describing the schema for the table and indexes. */
export interface DynamoDBTableAttributeDefinition {
  readonly AttributeName: Str;
  readonly AttributeType: Str;
}

/** AWS::DynamoDB::Table.ContributorInsightsSpecification: Configures contributor insights settings for a table or one of its indexes. */
export interface DynamoDBTableContributorInsightsSpecification {
  readonly Enabled: Bool;
  readonly Mode?: Str;
}

/** AWS::DynamoDB::Table.GlobalSecondaryIndex: Represents the properties of a global secondary index. */
export interface DynamoDBTableGlobalSecondaryIndex {
  readonly ContributorInsightsSpecification?: Obj<DynamoDBTableContributorInsightsSpecification>;
  readonly IndexName: Str;
  readonly KeySchema: List<Obj<DynamoDBTableKeySchema>>;
  readonly OnDemandThroughput?: Obj<DynamoDBTableOnDemandThroughput>;
  readonly Projection: Obj<DynamoDBTableProjection>;
  readonly ProvisionedThroughput?: Obj<DynamoDBTableProvisionedThroughput>;
  readonly WarmThroughput?: Obj<DynamoDBTableWarmThroughput>;
}

/** AWS::DynamoDB::Table.ImportSourceSpecification: Specifies the properties of data being imported from the S3 bucket source to the table. */
export interface DynamoDBTableImportSourceSpecification {
  readonly InputCompressionType?: Str;
  readonly InputFormat: Str;
  readonly InputFormatOptions?: Obj<DynamoDBTableInputFormatOptions>;
  readonly S3BucketSource: Obj<DynamoDBTableS3BucketSource>;
}

/** AWS::DynamoDB::Table.KeySchema: Represents *a single element* of a key schema. */
export interface DynamoDBTableKeySchema {
  readonly AttributeName: Str;
  readonly KeyType: Str;
}

/** AWS::DynamoDB::Table.KinesisStreamSpecification: The Kinesis Data Streams configuration for the specified table. */
export interface DynamoDBTableKinesisStreamSpecification {
  readonly ApproximateCreationDateTimePrecision?: Str;
  readonly StreamArn: Str;
}

/** AWS::DynamoDB::Table.LocalSecondaryIndex: Represents the properties of a local secondary index. */
export interface DynamoDBTableLocalSecondaryIndex {
  readonly IndexName: Str;
  readonly KeySchema: List<Obj<DynamoDBTableKeySchema>>;
  readonly Projection: Obj<DynamoDBTableProjection>;
}

/** AWS::DynamoDB::Table.OnDemandThroughput: Sets the maximum number of read and write units for the specified on-demand table. */
export interface DynamoDBTableOnDemandThroughput {
  readonly MaxReadRequestUnits?: Num;
  readonly MaxWriteRequestUnits?: Num;
}

/** AWS::DynamoDB::Table.PointInTimeRecoverySpecification: The settings used to enable point in time recovery. */
export interface DynamoDBTablePointInTimeRecoverySpecification {
  readonly PointInTimeRecoveryEnabled?: Bool;
  readonly RecoveryPeriodInDays?: Num;
}

/** AWS::DynamoDB::Table.ProvisionedThroughput: Throughput for the specified table, which consists of values for `ReadCapacityUnits` and `WriteCapacityUnits` . */
export interface DynamoDBTableProvisionedThroughput {
  readonly ReadCapacityUnits: Num;
  readonly WriteCapacityUnits: Num;
}

/** AWS::DynamoDB::Table.ResourcePolicy: Creates or updates a resource-based policy document that contains the permissions for DynamoDB resources, such as a table, its indexes, and stream. */
export interface DynamoDBTableResourcePolicy {
  readonly PolicyDocument: Json;
}

/** AWS::DynamoDB::Table.SSESpecification: Represents the settings used to enable server-side encryption. */
export interface DynamoDBTableSSESpecification {
  readonly KMSMasterKeyId?: Str;
  readonly SSEEnabled: Bool;
  readonly SSEType?: Str;
}

/** AWS::DynamoDB::Table.StreamSpecification: Represents the DynamoDB Streams configuration for a table in DynamoDB. */
export interface DynamoDBTableStreamSpecification {
  readonly ResourcePolicy?: Obj<DynamoDBTableResourcePolicy>;
  readonly StreamViewType: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::DynamoDB::Table.TimeToLiveSpecification: Represents the settings used to enable or disable Time to Live (TTL) for the specified table. */
export interface DynamoDBTableTimeToLiveSpecification {
  readonly AttributeName?: Str;
  readonly Enabled: Bool;
}

/** AWS::DynamoDB::Table.VectorIndex */
export interface DynamoDBTableVectorIndex {
  readonly Dimensions: Num;
  readonly DistanceFunction: Str;
  readonly IndexName: Str;
  readonly Projection: Obj<DynamoDBTableProjection>;
  readonly SearchSchema?: List<Obj<DynamoDBTableSearchSchemaElement>>;
  readonly VectorAttribute: Obj<DynamoDBTableVectorAttribute>;
}

/** AWS::DynamoDB::Table.WarmThroughput: Provides visibility into the number of read and write operations your table or secondary index can instantaneously support. */
export interface DynamoDBTableWarmThroughput {
  readonly ReadUnitsPerSecond?: Num;
  readonly WriteUnitsPerSecond?: Num;
}

/** AWS::DynamoDB::Table.Projection: Represents attributes that are copied (projected) from the table into an index. */
export interface DynamoDBTableProjection {
  readonly NonKeyAttributes?: List<Str>;
  readonly ProjectionType?: Str;
}

/** AWS::DynamoDB::Table.InputFormatOptions: The format options for the data that was imported into the target table. */
export interface DynamoDBTableInputFormatOptions {
  readonly Csv?: Obj<DynamoDBTableCsv>;
}

/** AWS::DynamoDB::Table.S3BucketSource: The S3 bucket that is being imported from. */
export interface DynamoDBTableS3BucketSource {
  readonly S3Bucket: Str;
  readonly S3BucketOwner?: Str;
  readonly S3KeyPrefix?: Str;
}

/** AWS::DynamoDB::Table.SearchSchemaElement */
export interface DynamoDBTableSearchSchemaElement {
  readonly AttributeName: Str;
  readonly SearchSchemaElementType: Str;
}

/** AWS::DynamoDB::Table.VectorAttribute */
export interface DynamoDBTableVectorAttribute {
  readonly AttributeName: Str;
}

/** AWS::DynamoDB::Table.Csv: The options for imported source files in CSV format. */
export interface DynamoDBTableCsv {
  readonly Delimiter?: Str;
  readonly HeaderList?: List<Str>;
}

/** AWS::EC2::EIP: Specifies an Elastic IP (EIP) address and can, optionally, associate it with an Amazon EC2 instance. */
export interface EC2EIPProps {
  readonly Address?: Str;
  readonly Domain?: Str;
  readonly InstanceId?: Str;
  readonly IpamPoolId?: Str;
  readonly NetworkBorderGroup?: Str;
  readonly PublicIpv4Pool?: Str;
  readonly Tags?: List<CfnTag>;
  readonly TransferAddress?: Str;
}

/** AWS::EC2::FlowLog: Specifies a VPC flow log that captures IP traffic for a specified network interface, subnet, or VPC. */
export interface EC2FlowLogProps {
  readonly DeliverCrossAccountRole?: Str;
  readonly DeliverLogsPermissionArn?: Str;
  readonly DestinationOptions?: Obj<EC2FlowLogDestinationOptions>;
  readonly LogDestination?: Str;
  readonly LogDestinationType?: Str;
  readonly LogFormat?: Str;
  readonly LogGroupName?: Str;
  readonly MaxAggregationInterval?: Num;
  readonly ResourceId: Str;
  readonly ResourceType: Str;
  readonly TagFieldSpecifications?: List<Obj<EC2FlowLogTagFieldSpecification>>;
  readonly Tags?: List<CfnTag>;
  readonly TrafficType?: Str;
}

/** AWS::EC2::FlowLog.DestinationOptions: Describes the destination options for a flow log. */
export interface EC2FlowLogDestinationOptions {
  readonly FileFormat: Str;
  readonly HiveCompatiblePartitions: Bool;
  readonly PerHourPartition: Bool;
}

/** AWS::EC2::FlowLog.TagFieldSpecification */
export interface EC2FlowLogTagFieldSpecification {
  readonly ResourceType: Str;
  readonly TagKeys: List<Str>;
}

/** AWS::EC2::Instance: Specifies an EC2 instance. */
export interface EC2InstanceProps {
  readonly AdditionalInfo?: Str;
  readonly Affinity?: Str;
  readonly AvailabilityZone?: Str;
  readonly BlockDeviceMappings?: List<Obj<EC2InstanceBlockDeviceMapping>>;
  readonly CpuOptions?: Obj<EC2InstanceCpuOptions>;
  readonly CreditSpecification?: Obj<EC2InstanceCreditSpecification>;
  readonly DisableApiTermination?: Bool;
  readonly EbsOptimized?: Bool;
  readonly ElasticGpuSpecifications?: List<Obj<EC2InstanceElasticGpuSpecification>>;
  readonly ElasticInferenceAccelerators?: List<Obj<EC2InstanceElasticInferenceAccelerator>>;
  readonly EnclaveOptions?: Obj<EC2InstanceEnclaveOptions>;
  readonly HibernationOptions?: Obj<EC2InstanceHibernationOptions>;
  readonly HostId?: Str;
  readonly HostResourceGroupArn?: Str;
  readonly IamInstanceProfile?: Str;
  readonly ImageId?: Str;
  readonly InstanceInitiatedShutdownBehavior?: Str;
  readonly InstanceType?: Str;
  readonly Ipv6AddressCount?: Num;
  readonly Ipv6Addresses?: List<Obj<EC2InstanceInstanceIpv6Address>>;
  readonly KernelId?: Str;
  readonly KeyName?: Str;
  readonly LaunchTemplate?: Obj<EC2InstanceLaunchTemplateSpecification>;
  readonly LicenseSpecifications?: List<Obj<EC2InstanceLicenseSpecification>>;
  readonly MetadataOptions?: Obj<EC2InstanceMetadataOptions>;
  readonly Monitoring?: Bool;
  readonly NetworkInterfaces?: List<Obj<EC2InstanceNetworkInterface>>;
  readonly PlacementGroupName?: Str;
  readonly PrivateDnsNameOptions?: Obj<EC2InstancePrivateDnsNameOptions>;
  readonly PrivateIpAddress?: Str;
  readonly PropagateTagsToVolumeOnCreation?: Bool;
  readonly RamdiskId?: Str;
  readonly SecurityGroupIds?: List<Str>;
  readonly SecurityGroups?: List<Str>;
  readonly SourceDestCheck?: Bool;
  readonly SsmAssociations?: List<Obj<EC2InstanceSsmAssociation>>;
  readonly SubnetId?: Str;
  readonly Tags?: List<CfnTag>;
  readonly Tenancy?: Str;
  readonly UserData?: Str;
  readonly Volumes?: List<Obj<EC2InstanceVolume>>;
}

/** AWS::EC2::Instance.BlockDeviceMapping: Specifies a block device mapping for an instance. */
export interface EC2InstanceBlockDeviceMapping {
  readonly DeviceName: Str;
  readonly Ebs?: Obj<EC2InstanceEbs>;
  readonly NoDevice?: Json;
  readonly VirtualName?: Str;
}

/** AWS::EC2::Instance.CpuOptions: Specifies the CPU options for the instance. */
export interface EC2InstanceCpuOptions {
  readonly CoreCount?: Num;
  readonly ThreadsPerCore?: Num;
}

/** AWS::EC2::Instance.CreditSpecification: Specifies the credit option for CPU usage of a T instance. */
export interface EC2InstanceCreditSpecification {
  readonly CPUCredits?: Str;
}

/** AWS::EC2::Instance.ElasticGpuSpecification: > Amazon Elastic Graphics reached end of life on January 8, 2024. */
export interface EC2InstanceElasticGpuSpecification {
  readonly Type: Str;
}

/** AWS::EC2::Instance.ElasticInferenceAccelerator: > Amazon Elastic Inference is no longer available. */
export interface EC2InstanceElasticInferenceAccelerator {
  readonly Count?: Num;
  readonly Type: Str;
}

/** AWS::EC2::Instance.EnclaveOptions: Indicates whether the instance is enabled for AWS Nitro Enclaves. */
export interface EC2InstanceEnclaveOptions {
  readonly Enabled?: Bool;
}

/** AWS::EC2::Instance.HibernationOptions: Specifies the hibernation options for the instance. */
export interface EC2InstanceHibernationOptions {
  readonly Configured?: Bool;
}

/** AWS::EC2::Instance.InstanceIpv6Address: Specifies the IPv6 address for the instance. */
export interface EC2InstanceInstanceIpv6Address {
  readonly Ipv6Address: Str;
}

/** AWS::EC2::Instance.LaunchTemplateSpecification: Specifies a launch template to use when launching an Amazon EC2 instance. */
export interface EC2InstanceLaunchTemplateSpecification {
  readonly LaunchTemplateId?: Str;
  readonly LaunchTemplateName?: Str;
  readonly Version: Str;
}

/** AWS::EC2::Instance.LicenseSpecification: Specifies the license configuration to use. */
export interface EC2InstanceLicenseSpecification {
  readonly LicenseConfigurationArn: Str;
}

/** AWS::EC2::Instance.MetadataOptions: Specifies the metadata options for the instance. */
export interface EC2InstanceMetadataOptions {
  readonly HttpEndpoint?: Str;
  readonly HttpProtocolIpv6?: Str;
  readonly HttpPutResponseHopLimit?: Num;
  readonly HttpTokens?: Str;
  readonly InstanceMetadataTags?: Str;
}

/** AWS::EC2::Instance.NetworkInterface: Specifies a network interface that is to be attached to an instance. */
export interface EC2InstanceNetworkInterface {
  readonly AssociateCarrierIpAddress?: Bool;
  readonly AssociatePublicIpAddress?: Bool;
  readonly DeleteOnTermination?: Bool;
  readonly Description?: Str;
  readonly DeviceIndex: Str;
  readonly EnaSrdSpecification?: Obj<EC2InstanceEnaSrdSpecification>;
  readonly GroupSet?: List<Str>;
  readonly Ipv6AddressCount?: Num;
  readonly Ipv6Addresses?: List<Obj<EC2InstanceInstanceIpv6Address>>;
  readonly NetworkInterfaceId?: Str;
  readonly PrivateIpAddress?: Str;
  readonly PrivateIpAddresses?: List<Obj<EC2InstancePrivateIpAddressSpecification>>;
  readonly SecondaryPrivateIpAddressCount?: Num;
  readonly SubnetId?: Str;
}

/** AWS::EC2::Instance.PrivateDnsNameOptions: The type of hostnames to assign to instances in the subnet at launch. */
export interface EC2InstancePrivateDnsNameOptions {
  readonly EnableResourceNameDnsAAAARecord?: Bool;
  readonly EnableResourceNameDnsARecord?: Bool;
  readonly HostnameType?: Str;
}

/** AWS::EC2::Instance.SsmAssociation: Specifies the SSM document and parameter values in AWS Systems Manager to associate with an instance. */
export interface EC2InstanceSsmAssociation {
  readonly AssociationParameters?: List<Obj<EC2InstanceAssociationParameter>>;
  readonly DocumentName: Str;
}

/** AWS::EC2::Instance.Volume: Specifies a volume to attach to an instance. */
export interface EC2InstanceVolume {
  readonly Device: Str;
  readonly VolumeId: Str;
}

/** AWS::EC2::Instance.Ebs: Specifies a block device for an EBS volume. */
export interface EC2InstanceEbs {
  readonly DeleteOnTermination?: Bool;
  readonly Encrypted?: Bool;
  readonly Iops?: Num;
  readonly KmsKeyId?: Str;
  readonly SnapshotId?: Str;
  readonly VolumeSize?: Num;
  readonly VolumeType?: Str;
}

/** AWS::EC2::Instance.EnaSrdSpecification: ENA Express uses AWS Scalable Reliable Datagram (SRD) technology to increase the maximum bandwidth used per stream and minimize tail latency of network traffic between EC2 instances. */
export interface EC2InstanceEnaSrdSpecification {
  readonly EnaSrdEnabled?: Bool;
  readonly EnaSrdUdpSpecification?: Obj<EC2InstanceEnaSrdUdpSpecification>;
}

/** AWS::EC2::Instance.PrivateIpAddressSpecification: Specifies a secondary private IPv4 address for a network interface. */
export interface EC2InstancePrivateIpAddressSpecification {
  readonly Primary: Bool;
  readonly PrivateIpAddress: Str;
}

/** AWS::EC2::Instance.AssociationParameter: Specifies input parameter values for an SSM document in AWS Systems Manager . */
export interface EC2InstanceAssociationParameter {
  readonly Key: Str;
  readonly Value: List<Str>;
}

/** AWS::EC2::Instance.EnaSrdUdpSpecification: ENA Express is compatible with both TCP and UDP transport protocols. */
export interface EC2InstanceEnaSrdUdpSpecification {
  readonly EnaSrdUdpEnabled?: Bool;
}

/** AWS::EC2::InternetGateway: Allocates an internet gateway for use with a VPC. */
export interface EC2InternetGatewayProps {
  readonly Tags?: List<CfnTag>;
}

/** AWS::EC2::LaunchTemplate: Specifies the properties for creating a launch template. */
export interface EC2LaunchTemplateProps {
  readonly LaunchTemplateData: Obj<EC2LaunchTemplateLaunchTemplateData>;
  readonly LaunchTemplateName?: Str;
  readonly TagSpecifications?: List<Obj<EC2LaunchTemplateLaunchTemplateTagSpecification>>;
  readonly VersionDescription?: Str;
}

/** AWS::EC2::LaunchTemplate.LaunchTemplateData: The information to include in the launch template. */
export interface EC2LaunchTemplateLaunchTemplateData {
  readonly BlockDeviceMappings?: List<Obj<EC2LaunchTemplateBlockDeviceMapping>>;
  readonly CapacityReservationSpecification?: Obj<EC2LaunchTemplateCapacityReservationSpecification>;
  readonly CpuOptions?: Obj<EC2LaunchTemplateCpuOptions>;
  readonly CreditSpecification?: Obj<EC2LaunchTemplateCreditSpecification>;
  readonly DisableApiStop?: Bool;
  readonly DisableApiTermination?: Bool;
  readonly EbsOptimized?: Bool;
  readonly ElasticGpuSpecifications?: List<Obj<EC2LaunchTemplateElasticGpuSpecification>>;
  readonly ElasticInferenceAccelerators?: List<
    Obj<EC2LaunchTemplateLaunchTemplateElasticInferenceAccelerator>
  >;
  readonly EnclaveOptions?: Obj<EC2LaunchTemplateEnclaveOptions>;
  readonly HibernationOptions?: Obj<EC2LaunchTemplateHibernationOptions>;
  readonly IamInstanceProfile?: Obj<EC2LaunchTemplateIamInstanceProfile>;
  readonly ImageId?: Str;
  readonly InstanceInitiatedShutdownBehavior?: Str;
  readonly InstanceMarketOptions?: Obj<EC2LaunchTemplateInstanceMarketOptions>;
  readonly InstanceRequirements?: Obj<EC2LaunchTemplateInstanceRequirements>;
  readonly InstanceType?: Str;
  readonly KernelId?: Str;
  readonly KeyName?: Str;
  readonly LicenseSpecifications?: List<Obj<EC2LaunchTemplateLicenseSpecification>>;
  readonly MaintenanceOptions?: Obj<EC2LaunchTemplateMaintenanceOptions>;
  readonly MetadataOptions?: Obj<EC2LaunchTemplateMetadataOptions>;
  readonly Monitoring?: Obj<EC2LaunchTemplateMonitoring>;
  readonly NetworkInterfaces?: List<Obj<EC2LaunchTemplateNetworkInterface>>;
  readonly NetworkPerformanceOptions?: Obj<EC2LaunchTemplateNetworkPerformanceOptions>;
  readonly Placement?: Obj<EC2LaunchTemplatePlacement>;
  readonly PrivateDnsNameOptions?: Obj<EC2LaunchTemplatePrivateDnsNameOptions>;
  readonly RamDiskId?: Str;
  readonly SecurityGroupIds?: List<Str>;
  readonly SecurityGroups?: List<Str>;
  readonly TagSpecifications?: List<Obj<EC2LaunchTemplateTagSpecification>>;
  readonly UserData?: Str;
}

/** AWS::EC2::LaunchTemplate.LaunchTemplateTagSpecification: Specifies the tags to apply to the launch template during creation. */
export interface EC2LaunchTemplateLaunchTemplateTagSpecification {
  readonly ResourceType?: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::EC2::LaunchTemplate.BlockDeviceMapping: Specifies a block device mapping for a launch template. */
export interface EC2LaunchTemplateBlockDeviceMapping {
  readonly DeviceName?: Str;
  readonly Ebs?: Obj<EC2LaunchTemplateEbs>;
  readonly NoDevice?: Str;
  readonly VirtualName?: Str;
}

/** AWS::EC2::LaunchTemplate.CapacityReservationSpecification: Specifies an instance's Capacity Reservation targeting option. */
export interface EC2LaunchTemplateCapacityReservationSpecification {
  readonly CapacityReservationPreference?: Str;
  readonly CapacityReservationTarget?: Obj<EC2LaunchTemplateCapacityReservationTarget>;
}

/** AWS::EC2::LaunchTemplate.CpuOptions: Specifies the CPU options for an instance. */
export interface EC2LaunchTemplateCpuOptions {
  readonly AmdSevSnp?: Str;
  readonly CoreCount?: Num;
  readonly NestedVirtualization?: Str;
  readonly ThreadsPerCore?: Num;
}

/** AWS::EC2::LaunchTemplate.CreditSpecification: Specifies the credit option for CPU usage of a T2, T3, or T3a instance. */
export interface EC2LaunchTemplateCreditSpecification {
  readonly CpuCredits?: Str;
}

/** AWS::EC2::LaunchTemplate.ElasticGpuSpecification */
export interface EC2LaunchTemplateElasticGpuSpecification {
  readonly Type?: Str;
}

/** AWS::EC2::LaunchTemplate.LaunchTemplateElasticInferenceAccelerator */
export interface EC2LaunchTemplateLaunchTemplateElasticInferenceAccelerator {
  readonly Count?: Num;
  readonly Type?: Str;
}

/** AWS::EC2::LaunchTemplate.EnclaveOptions: Indicates whether the instance is enabled for AWS Nitro Enclaves. */
export interface EC2LaunchTemplateEnclaveOptions {
  readonly Enabled?: Bool;
}

/** AWS::EC2::LaunchTemplate.HibernationOptions: Specifies whether your instance is configured for hibernation. */
export interface EC2LaunchTemplateHibernationOptions {
  readonly Configured?: Bool;
}

/** AWS::EC2::LaunchTemplate.IamInstanceProfile: Specifies an IAM instance profile, which is a container for an IAM role for your instance. */
export interface EC2LaunchTemplateIamInstanceProfile {
  readonly Arn?: Str;
  readonly Name?: Str;
}

/** AWS::EC2::LaunchTemplate.InstanceMarketOptions: Specifies the market (purchasing) option for an instance. */
export interface EC2LaunchTemplateInstanceMarketOptions {
  readonly MarketType?: Str;
  readonly SpotOptions?: Obj<EC2LaunchTemplateSpotOptions>;
}

/** AWS::EC2::LaunchTemplate.InstanceRequirements: The attributes for the instance types. */
export interface EC2LaunchTemplateInstanceRequirements {
  readonly AcceleratorCount?: Obj<EC2LaunchTemplateAcceleratorCount>;
  readonly AcceleratorManufacturers?: List<Str>;
  readonly AcceleratorNames?: List<Str>;
  readonly AcceleratorTotalMemoryMiB?: Obj<EC2LaunchTemplateAcceleratorTotalMemoryMiB>;
  readonly AcceleratorTypes?: List<Str>;
  readonly AllowedInstanceTypes?: List<Str>;
  readonly BareMetal?: Str;
  readonly BaselineEbsBandwidthMbps?: Obj<EC2LaunchTemplateBaselineEbsBandwidthMbps>;
  readonly BaselinePerformanceFactors?: Obj<EC2LaunchTemplateBaselinePerformanceFactors>;
  readonly BurstablePerformance?: Str;
  readonly CpuManufacturers?: List<Str>;
  readonly ExcludedInstanceTypes?: List<Str>;
  readonly InstanceGenerations?: List<Str>;
  readonly LocalStorage?: Str;
  readonly LocalStorageTypes?: List<Str>;
  readonly MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: Num;
  readonly MemoryGiBPerVCpu?: Obj<EC2LaunchTemplateMemoryGiBPerVCpu>;
  readonly MemoryMiB?: Obj<EC2LaunchTemplateMemoryMiB>;
  readonly NetworkBandwidthGbps?: Obj<EC2LaunchTemplateNetworkBandwidthGbps>;
  readonly NetworkInterfaceCount?: Obj<EC2LaunchTemplateNetworkInterfaceCount>;
  readonly OnDemandMaxPricePercentageOverLowestPrice?: Num;
  readonly RequireHibernateSupport?: Bool;
  readonly SpotMaxPricePercentageOverLowestPrice?: Num;
  readonly TotalLocalStorageGB?: Obj<EC2LaunchTemplateTotalLocalStorageGB>;
  readonly VCpuCount?: Obj<EC2LaunchTemplateVCpuCount>;
}

/** AWS::EC2::LaunchTemplate.LicenseSpecification: Specifies a license configuration for an instance. */
export interface EC2LaunchTemplateLicenseSpecification {
  readonly LicenseConfigurationArn?: Str;
}

/** AWS::EC2::LaunchTemplate.MaintenanceOptions: The maintenance options of your instance. */
export interface EC2LaunchTemplateMaintenanceOptions {
  readonly AutoRecovery?: Str;
}

/** AWS::EC2::LaunchTemplate.MetadataOptions: The metadata options for the instance. */
export interface EC2LaunchTemplateMetadataOptions {
  readonly HttpEndpoint?: Str;
  readonly HttpProtocolIpv6?: Str;
  readonly HttpPutResponseHopLimit?: Num;
  readonly HttpTokens?: Str;
  readonly InstanceMetadataTags?: Str;
}

/** AWS::EC2::LaunchTemplate.Monitoring: Specifies whether detailed monitoring is enabled for an instance. */
export interface EC2LaunchTemplateMonitoring {
  readonly Enabled?: Bool;
}

/** AWS::EC2::LaunchTemplate.NetworkInterface: Specifies the parameters for a network interface. */
export interface EC2LaunchTemplateNetworkInterface {
  readonly AssociateCarrierIpAddress?: Bool;
  readonly AssociatePublicIpAddress?: Bool;
  readonly ConnectionTrackingSpecification?: Obj<EC2LaunchTemplateConnectionTrackingSpecification>;
  readonly DeleteOnTermination?: Bool;
  readonly Description?: Str;
  readonly DeviceIndex?: Num;
  readonly EnaQueueCount?: Num;
  readonly EnaSrdSpecification?: Obj<EC2LaunchTemplateEnaSrdSpecification>;
  readonly Groups?: List<Str>;
  readonly InterfaceType?: Str;
  readonly Ipv4PrefixCount?: Num;
  readonly Ipv4Prefixes?: List<Obj<EC2LaunchTemplateIpv4PrefixSpecification>>;
  readonly Ipv6AddressCount?: Num;
  readonly Ipv6Addresses?: List<Obj<EC2LaunchTemplateIpv6Add>>;
  readonly Ipv6PrefixCount?: Num;
  readonly Ipv6Prefixes?: List<Obj<EC2LaunchTemplateIpv6PrefixSpecification>>;
  readonly NetworkCardIndex?: Num;
  readonly NetworkInterfaceId?: Str;
  readonly PrimaryIpv6?: Bool;
  readonly PrivateIpAddress?: Str;
  readonly PrivateIpAddresses?: List<Obj<EC2LaunchTemplatePrivateIpAdd>>;
  readonly SecondaryPrivateIpAddressCount?: Num;
  readonly SubnetId?: Str;
}

/** AWS::EC2::LaunchTemplate.NetworkPerformanceOptions: Contains settings for the network performance options for the instance. */
export interface EC2LaunchTemplateNetworkPerformanceOptions {
  readonly BandwidthWeighting?: Str;
}

/** AWS::EC2::LaunchTemplate.Placement: Specifies the placement of an instance. */
export interface EC2LaunchTemplatePlacement {
  readonly Affinity?: Str;
  readonly AvailabilityZone?: Str;
  readonly GroupId?: Str;
  readonly GroupName?: Str;
  readonly HostId?: Str;
  readonly HostResourceGroupArn?: Str;
  readonly PartitionNumber?: Num;
  readonly SpreadDomain?: Str;
  readonly Tenancy?: Str;
}

/** AWS::EC2::LaunchTemplate.PrivateDnsNameOptions: The hostname type for EC2 instances launched into this subnet and how DNS A and AAAA record queries should be handled. */
export interface EC2LaunchTemplatePrivateDnsNameOptions {
  readonly EnableResourceNameDnsAAAARecord?: Bool;
  readonly EnableResourceNameDnsARecord?: Bool;
  readonly HostnameType?: Str;
}

/** AWS::EC2::LaunchTemplate.TagSpecification: Specifies the tags to apply to resources that are created during instance launch. */
export interface EC2LaunchTemplateTagSpecification {
  readonly ResourceType?: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::EC2::LaunchTemplate.Ebs: Parameters for a block device for an EBS volume in an Amazon EC2 launch template. */
export interface EC2LaunchTemplateEbs {
  readonly DeleteOnTermination?: Bool;
  readonly EbsCardIndex?: Num;
  readonly Encrypted?: Bool;
  readonly Iops?: Num;
  readonly KmsKeyId?: Str;
  readonly SnapshotId?: Str;
  readonly Throughput?: Num;
  readonly VolumeInitializationRate?: Num;
  readonly VolumeSize?: Num;
  readonly VolumeType?: Str;
}

/** AWS::EC2::LaunchTemplate.CapacityReservationTarget: Specifies a target Capacity Reservation. */
export interface EC2LaunchTemplateCapacityReservationTarget {
  readonly CapacityReservationId?: Str;
  readonly CapacityReservationResourceGroupArn?: Str;
}

/** AWS::EC2::LaunchTemplate.SpotOptions: Specifies options for Spot Instances. */
export interface EC2LaunchTemplateSpotOptions {
  readonly BlockDurationMinutes?: Num;
  readonly InstanceInterruptionBehavior?: Str;
  readonly MaxPrice?: Str;
  readonly SpotInstanceType?: Str;
  readonly ValidUntil?: Str;
}

/** AWS::EC2::LaunchTemplate.AcceleratorCount: The minimum and maximum number of accelerators (GPUs, FPGAs, or AWS Inferentia chips) on an instance. */
export interface EC2LaunchTemplateAcceleratorCount {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.AcceleratorTotalMemoryMiB: The minimum and maximum amount of total accelerator memory, in MiB. */
export interface EC2LaunchTemplateAcceleratorTotalMemoryMiB {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.BaselineEbsBandwidthMbps: The minimum and maximum baseline bandwidth to Amazon EBS, in Mbps. */
export interface EC2LaunchTemplateBaselineEbsBandwidthMbps {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.BaselinePerformanceFactors: The baseline performance to consider, using an instance family as a baseline reference. */
export interface EC2LaunchTemplateBaselinePerformanceFactors {
  readonly Cpu?: Obj<EC2LaunchTemplateCpu>;
}

/** AWS::EC2::LaunchTemplate.MemoryGiBPerVCpu: The minimum and maximum amount of memory per vCPU, in GiB. */
export interface EC2LaunchTemplateMemoryGiBPerVCpu {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.MemoryMiB: The minimum and maximum amount of memory, in MiB. */
export interface EC2LaunchTemplateMemoryMiB {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.NetworkBandwidthGbps: The minimum and maximum amount of network bandwidth, in gigabits per second (Gbps). */
export interface EC2LaunchTemplateNetworkBandwidthGbps {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.NetworkInterfaceCount: The minimum and maximum number of network interfaces. */
export interface EC2LaunchTemplateNetworkInterfaceCount {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.TotalLocalStorageGB: The minimum and maximum amount of total local storage, in GB. */
export interface EC2LaunchTemplateTotalLocalStorageGB {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.VCpuCount: The minimum and maximum number of vCPUs. */
export interface EC2LaunchTemplateVCpuCount {
  readonly Max?: Num;
  readonly Min?: Num;
}

/** AWS::EC2::LaunchTemplate.ConnectionTrackingSpecification: A security group connection tracking specification that enables you to set the idle timeout for connection tracking on an Elastic network interface. */
export interface EC2LaunchTemplateConnectionTrackingSpecification {
  readonly TcpEstablishedTimeout?: Num;
  readonly UdpStreamTimeout?: Num;
  readonly UdpTimeout?: Num;
}

/** AWS::EC2::LaunchTemplate.EnaSrdSpecification: ENA Express uses AWS Scalable Reliable Datagram (SRD) technology to increase the maximum bandwidth used per stream and minimize tail latency of network traffic between EC2 instances. */
export interface EC2LaunchTemplateEnaSrdSpecification {
  readonly EnaSrdEnabled?: Bool;
  readonly EnaSrdUdpSpecification?: Obj<EC2LaunchTemplateEnaSrdUdpSpecification>;
}

/** AWS::EC2::LaunchTemplate.Ipv4PrefixSpecification: Specifies an IPv4 prefix for a network interface. */
export interface EC2LaunchTemplateIpv4PrefixSpecification {
  readonly Ipv4Prefix?: Str;
}

/** AWS::EC2::LaunchTemplate.Ipv6Add: Specifies an IPv6 address in an Amazon EC2 launch template. */
export interface EC2LaunchTemplateIpv6Add {
  readonly Ipv6Address?: Str;
}

/** AWS::EC2::LaunchTemplate.Ipv6PrefixSpecification: Specifies an IPv6 prefix for a network interface. */
export interface EC2LaunchTemplateIpv6PrefixSpecification {
  readonly Ipv6Prefix?: Str;
}

/** AWS::EC2::LaunchTemplate.PrivateIpAdd: Specifies a secondary private IPv4 address for a network interface. */
export interface EC2LaunchTemplatePrivateIpAdd {
  readonly Primary?: Bool;
  readonly PrivateIpAddress?: Str;
}

/** AWS::EC2::LaunchTemplate.Cpu: Specifies the CPU performance to consider when using an instance family as the baseline reference. */
export interface EC2LaunchTemplateCpu {
  readonly References?: List<Obj<EC2LaunchTemplateReference>>;
}

/** AWS::EC2::LaunchTemplate.EnaSrdUdpSpecification: ENA Express is compatible with both TCP and UDP transport protocols. */
export interface EC2LaunchTemplateEnaSrdUdpSpecification {
  readonly EnaSrdUdpEnabled?: Bool;
}

/** AWS::EC2::LaunchTemplate.Reference: Specifies an instance family to use as the baseline reference for CPU performance. */
export interface EC2LaunchTemplateReference {
  readonly InstanceFamily?: Str;
}

/** AWS::EC2::NatGateway: Specifies a network address translation (NAT) gateway in the specified subnet. */
export interface EC2NatGatewayProps {
  readonly AllocationId?: Str;
  readonly AvailabilityMode?: Str;
  readonly AvailabilityZoneAddresses?: List<Obj<EC2NatGatewayAvailabilityZoneAddress>>;
  readonly ConnectivityType?: Str;
  readonly MaxDrainDurationSeconds?: Num;
  readonly PrivateIpAddress?: Str;
  readonly SecondaryAllocationIds?: List<Str>;
  readonly SecondaryPrivateIpAddressCount?: Num;
  readonly SecondaryPrivateIpAddresses?: List<Str>;
  readonly SubnetId?: Str;
  readonly Tags?: List<CfnTag>;
  readonly VpcId?: Str;
}

/** AWS::EC2::NatGateway.AvailabilityZoneAddress: For regional NAT gateways only: The configuration specifying which Elastic IP address (EIP) to use for handling outbound NAT traffic from a specific Availability Zone. */
export interface EC2NatGatewayAvailabilityZoneAddress {
  readonly AllocationIds: List<Str>;
  readonly AvailabilityZone?: Str;
  readonly AvailabilityZoneId?: Str;
}

/** AWS::EC2::NetworkAcl: Specifies a network ACL for your VPC. */
export interface EC2NetworkAclProps {
  readonly Tags?: List<CfnTag>;
  readonly VpcId: Str;
}

/** AWS::EC2::NetworkAclEntry: Specifies an entry, known as a rule, in a network ACL with a rule number you specify. */
export interface EC2NetworkAclEntryProps {
  readonly CidrBlock?: Str;
  readonly Egress?: Bool;
  readonly Icmp?: Obj<EC2NetworkAclEntryIcmp>;
  readonly Ipv6CidrBlock?: Str;
  readonly NetworkAclId: Str;
  readonly PortRange?: Obj<EC2NetworkAclEntryPortRange>;
  readonly Protocol: Num;
  readonly RuleAction: Str;
  readonly RuleNumber: Num;
}

/** AWS::EC2::NetworkAclEntry.Icmp: Describes the ICMP type and code. */
export interface EC2NetworkAclEntryIcmp {
  readonly Code?: Num;
  readonly Type?: Num;
}

/** AWS::EC2::NetworkAclEntry.PortRange: Describes a range of ports. */
export interface EC2NetworkAclEntryPortRange {
  readonly From?: Num;
  readonly To?: Num;
}

/** AWS::EC2::Route: Specifies a route in a route table. */
export interface EC2RouteProps {
  readonly CarrierGatewayId?: Str;
  readonly CoreNetworkArn?: Str;
  readonly DestinationCidrBlock?: Str;
  readonly DestinationIpv6CidrBlock?: Str;
  readonly DestinationPrefixListId?: Str;
  readonly EgressOnlyInternetGatewayId?: Str;
  readonly GatewayId?: Str;
  readonly InstanceId?: Str;
  readonly LocalGatewayId?: Str;
  readonly NatGatewayId?: Str;
  readonly NetworkInterfaceId?: Str;
  readonly OdbNetworkArn?: Str;
  readonly RouteTableId: Str;
  readonly TransitGatewayId?: Str;
  readonly VpcEndpointId?: Str;
  readonly VpcPeeringConnectionId?: Str;
}

/** AWS::EC2::RouteTable: Specifies a route table for the specified VPC. */
export interface EC2RouteTableProps {
  readonly Tags?: List<CfnTag>;
  readonly VpcId: Str;
}

/** AWS::EC2::SecurityGroup: Specifies a security group. */
export interface EC2SecurityGroupProps {
  readonly GroupDescription: Str;
  readonly GroupName?: Str;
  readonly SecurityGroupEgress?: List<Obj<EC2SecurityGroupEgress>>;
  readonly SecurityGroupIngress?: List<Obj<EC2SecurityGroupIngress>>;
  readonly Tags?: List<CfnTag>;
  readonly VpcId?: Str;
}

/** AWS::EC2::SecurityGroup.Egress: Adds the specified outbound (egress) rule to a security group. */
export interface EC2SecurityGroupEgress {
  readonly CidrIp?: Str;
  readonly CidrIpv6?: Str;
  readonly Description?: Str;
  readonly DestinationPrefixListId?: Str;
  readonly DestinationSecurityGroupId?: Str;
  readonly FromPort?: Num;
  readonly IpProtocol: Str;
  readonly ToPort?: Num;
}

/** AWS::EC2::SecurityGroup.Ingress: Adds an inbound (ingress) rule to a security group. */
export interface EC2SecurityGroupIngress {
  readonly CidrIp?: Str;
  readonly CidrIpv6?: Str;
  readonly Description?: Str;
  readonly FromPort?: Num;
  readonly IpProtocol: Str;
  readonly SourcePrefixListId?: Str;
  readonly SourceSecurityGroupId?: Str;
  readonly SourceSecurityGroupName?: Str;
  readonly SourceSecurityGroupOwnerId?: Str;
  readonly ToPort?: Num;
}

/** AWS::EC2::Subnet: Specifies a subnet for the specified VPC. */
export interface EC2SubnetProps {
  readonly AssignIpv6AddressOnCreation?: Bool;
  readonly AvailabilityZone?: Str;
  readonly AvailabilityZoneId?: Str;
  readonly CidrBlock?: Str;
  readonly EnableDns64?: Bool;
  readonly EnableLniAtDeviceIndex?: Num;
  readonly Ipv4IpamPoolId?: Str;
  readonly Ipv4NetmaskLength?: Num;
  readonly Ipv6CidrBlock?: Str;
  readonly Ipv6IpamPoolId?: Str;
  readonly Ipv6Native?: Bool;
  readonly Ipv6NetmaskLength?: Num;
  readonly MapPublicIpOnLaunch?: Bool;
  readonly OutpostArn?: Str;
  readonly PrivateDnsNameOptionsOnLaunch?: Obj<EC2SubnetPrivateDnsNameOptionsOnLaunch>;
  readonly Tags?: List<CfnTag>;
  readonly VpcId: Str;
}

/** AWS::EC2::Subnet.PrivateDnsNameOptionsOnLaunch: Specifies the options for instance hostnames. */
export interface EC2SubnetPrivateDnsNameOptionsOnLaunch {
  readonly EnableResourceNameDnsAAAARecord?: Bool;
  readonly EnableResourceNameDnsARecord?: Bool;
  readonly HostnameType?: Str;
}

/** AWS::EC2::SubnetNetworkAclAssociation: Associates a subnet with a network ACL. */
export interface EC2SubnetNetworkAclAssociationProps {
  readonly NetworkAclId: Str;
  readonly SubnetId: Str;
}

/** AWS::EC2::SubnetRouteTableAssociation: Associates a subnet with a route table. */
export interface EC2SubnetRouteTableAssociationProps {
  readonly RouteTableId: Str;
  readonly SubnetId: Str;
}

/** AWS::EC2::VPC: Specifies a virtual private cloud (VPC). */
export interface EC2VPCProps {
  readonly CidrBlock?: Str;
  readonly EnableDnsHostnames?: Bool;
  readonly EnableDnsSupport?: Bool;
  readonly InstanceTenancy?: Str;
  readonly Ipv4IpamPoolId?: Str;
  readonly Ipv4NetmaskLength?: Num;
  readonly Tags?: List<CfnTag>;
  readonly VpcEncryptionControl?: Obj<EC2VPCVpcEncryptionControl>;
}

/** AWS::EC2::VPC.VpcEncryptionControl: Describes the configuration and state of VPC encryption controls. */
export interface EC2VPCVpcEncryptionControl {
  readonly EgressOnlyInternetGatewayExclusion?: Str;
  readonly ElasticFileSystemExclusion?: Str;
  readonly InternetGatewayExclusion?: Str;
  readonly LambdaExclusion?: Str;
  readonly Mode?: Str;
  readonly NatGatewayExclusion?: Str;
  readonly ResourceExclusions?: Obj<EC2VPCVpcEncryptionControlExclusions>;
  readonly State?: Str;
  readonly StateMessage?: Str;
  readonly VirtualPrivateGatewayExclusion?: Str;
  readonly VpcEncryptionControlId?: Str;
  readonly VpcId?: Str;
  readonly VpcLatticeExclusion?: Str;
  readonly VpcPeeringExclusion?: Str;
}

/** AWS::EC2::VPC.VpcEncryptionControlExclusions: Describes the exclusion configurations for various resource types in VPC Encryption Control. */
export interface EC2VPCVpcEncryptionControlExclusions {
  readonly EgressOnlyInternetGateway?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly ElasticFileSystem?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly InternetGateway?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly Lambda?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly NatGateway?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly VirtualPrivateGateway?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly VpcLattice?: Obj<EC2VPCVpcEncryptionControlExclusion>;
  readonly VpcPeering?: Obj<EC2VPCVpcEncryptionControlExclusion>;
}

/** AWS::EC2::VPC.VpcEncryptionControlExclusion: Describes an exclusion configuration for VPC Encryption Control. */
export interface EC2VPCVpcEncryptionControlExclusion {
  readonly State?: Str;
  readonly StateMessage?: Str;
}

/** AWS::EC2::VPCEndpoint: Specifies a VPC endpoint. */
export interface EC2VPCEndpointProps {
  readonly DnsOptions?: Obj<EC2VPCEndpointDnsOptionsSpecification>;
  readonly IpAddressType?: Str;
  readonly PolicyDocument?: Str | Json;
  readonly PrivateDnsEnabled?: Bool;
  readonly ResourceConfigurationArn?: Str;
  readonly RouteTableIds?: List<Str>;
  readonly SecurityGroupIds?: List<Str>;
  readonly ServiceName?: Str;
  readonly ServiceNetworkArn?: Str;
  readonly ServiceRegion?: Str;
  readonly SubnetIds?: List<Str>;
  readonly Tags?: List<CfnTag>;
  readonly VpcEndpointType?: Str;
  readonly VpcId: Str;
}

/** AWS::EC2::VPCEndpoint.DnsOptionsSpecification: Describes the DNS options for an endpoint. */
export interface EC2VPCEndpointDnsOptionsSpecification {
  readonly DnsRecordIpType?: Str;
  readonly PrivateDnsOnlyForInboundResolverEndpoint?: Str;
  readonly PrivateDnsPreference?: Str;
  readonly PrivateDnsSpecifiedDomains?: List<Str>;
}

/** AWS::EC2::VPCGatewayAttachment: Attaches an internet gateway, or a virtual private gateway to a VPC, enabling connectivity between the internet and the VPC. */
export interface EC2VPCGatewayAttachmentProps {
  readonly InternetGatewayId?: Str;
  readonly VpcId: Str;
  readonly VpnGatewayId?: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener: Specifies a listener for an Application Load Balancer, Network Load Balancer, or Gateway Load Balancer. */
export interface ElasticLoadBalancingV2ListenerProps {
  readonly AlpnPolicy?: List<Str>;
  readonly Certificates?: List<Obj<ElasticLoadBalancingV2ListenerCertificate>>;
  readonly DefaultActions: List<Obj<ElasticLoadBalancingV2ListenerAction>>;
  readonly ListenerAttributes?: List<Obj<ElasticLoadBalancingV2ListenerListenerAttribute>>;
  readonly LoadBalancerArn: Str;
  readonly MutualAuthentication?: Obj<ElasticLoadBalancingV2ListenerMutualAuthentication>;
  readonly Port?: Num;
  readonly Protocol?: Str;
  readonly SslPolicy?: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::ElasticLoadBalancingV2::Listener.Certificate: Specifies an SSL server certificate to use as the default certificate for a secure listener. */
export interface ElasticLoadBalancingV2ListenerCertificate {
  readonly CertificateArn?: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.Action: Specifies an action for a listener rule. */
export interface ElasticLoadBalancingV2ListenerAction {
  readonly AuthenticateCognitoConfig?: Obj<ElasticLoadBalancingV2ListenerAuthenticateCognitoConfig>;
  readonly AuthenticateOidcConfig?: Obj<ElasticLoadBalancingV2ListenerAuthenticateOidcConfig>;
  readonly FixedResponseConfig?: Obj<ElasticLoadBalancingV2ListenerFixedResponseConfig>;
  readonly ForwardConfig?: Obj<ElasticLoadBalancingV2ListenerForwardConfig>;
  readonly JwtValidationConfig?: Obj<ElasticLoadBalancingV2ListenerJwtValidationConfig>;
  readonly Order?: Num;
  readonly RedirectConfig?: Obj<ElasticLoadBalancingV2ListenerRedirectConfig>;
  readonly TargetGroupArn?: Str;
  readonly Type: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.ListenerAttribute: Information about a listener attribute. */
export interface ElasticLoadBalancingV2ListenerListenerAttribute {
  readonly Key?: Str;
  readonly Value?: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.MutualAuthentication: The mutual authentication configuration information. */
export interface ElasticLoadBalancingV2ListenerMutualAuthentication {
  readonly AdvertiseTrustStoreCaNames?: Str;
  readonly IgnoreClientCertificateExpiry?: Bool;
  readonly Mode?: Str;
  readonly TrustStoreArn?: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.AuthenticateCognitoConfig: Specifies information required when integrating with Amazon Cognito to authenticate users. */
export interface ElasticLoadBalancingV2ListenerAuthenticateCognitoConfig {
  readonly AuthenticationRequestExtraParams?: StrMap<Str>;
  readonly OnUnauthenticatedRequest?: Str;
  readonly Scope?: Str;
  readonly SessionCookieName?: Str;
  readonly SessionTimeout?: Str;
  readonly UserPoolArn: Str;
  readonly UserPoolClientId: Str;
  readonly UserPoolDomain: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.AuthenticateOidcConfig: Specifies information required using an identity provide (IdP) that is compliant with OpenID Connect (OIDC) to authenticate users. */
export interface ElasticLoadBalancingV2ListenerAuthenticateOidcConfig {
  readonly AuthenticationRequestExtraParams?: StrMap<Str>;
  readonly AuthorizationEndpoint: Str;
  readonly ClientId: Str;
  readonly ClientSecret?: Str;
  readonly Issuer: Str;
  readonly OnUnauthenticatedRequest?: Str;
  readonly Scope?: Str;
  readonly SessionCookieName?: Str;
  readonly SessionTimeout?: Str;
  readonly TokenEndpoint: Str;
  readonly UseExistingClientSecret?: Bool;
  readonly UserInfoEndpoint: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.FixedResponseConfig: Specifies information required when returning a custom HTTP response. */
export interface ElasticLoadBalancingV2ListenerFixedResponseConfig {
  readonly ContentType?: Str;
  readonly MessageBody?: Str;
  readonly StatusCode: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.ForwardConfig: Information for creating an action that distributes requests among multiple target groups. */
export interface ElasticLoadBalancingV2ListenerForwardConfig {
  readonly TargetGroupStickinessConfig?: Obj<ElasticLoadBalancingV2ListenerTargetGroupStickinessConfig>;
  readonly TargetGroups?: List<Obj<ElasticLoadBalancingV2ListenerTargetGroupTuple>>;
}

/** AWS::ElasticLoadBalancingV2::Listener.JwtValidationConfig */
export interface ElasticLoadBalancingV2ListenerJwtValidationConfig {
  readonly AdditionalClaims?: List<
    Obj<ElasticLoadBalancingV2ListenerJwtValidationActionAdditionalClaim>
  >;
  readonly Issuer: Str;
  readonly JwksEndpoint: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.RedirectConfig: Information about a redirect action. */
export interface ElasticLoadBalancingV2ListenerRedirectConfig {
  readonly Host?: Str;
  readonly Path?: Str;
  readonly Port?: Str;
  readonly Protocol?: Str;
  readonly Query?: Str;
  readonly StatusCode: Str;
}

/** AWS::ElasticLoadBalancingV2::Listener.TargetGroupStickinessConfig: Information about the target group stickiness for a rule. */
export interface ElasticLoadBalancingV2ListenerTargetGroupStickinessConfig {
  readonly DurationSeconds?: Num;
  readonly Enabled?: Bool;
}

/** AWS::ElasticLoadBalancingV2::Listener.TargetGroupTuple: Information about how traffic will be distributed between multiple target groups in a forward rule. */
export interface ElasticLoadBalancingV2ListenerTargetGroupTuple {
  readonly TargetGroupArn?: Str;
  readonly Weight?: Num;
}

/** AWS::ElasticLoadBalancingV2::Listener.JwtValidationActionAdditionalClaim: Information about an additional claim to validate. */
export interface ElasticLoadBalancingV2ListenerJwtValidationActionAdditionalClaim {
  readonly Format: Str;
  readonly Name: Str;
  readonly Values: List<Str>;
}

/** AWS::ElasticLoadBalancingV2::LoadBalancer: Specifies an Application Load Balancer, a Network Load Balancer, or a Gateway Load Balancer. */
export interface ElasticLoadBalancingV2LoadBalancerProps {
  readonly EnableCapacityReservationProvisionStabilize?: Bool;
  readonly EnablePrefixForIpv6SourceNat?: Str;
  readonly EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: Str;
  readonly IpAddressType?: Str;
  readonly Ipv4IpamPoolId?: Str;
  readonly LoadBalancerAttributes?: List<
    Obj<ElasticLoadBalancingV2LoadBalancerLoadBalancerAttribute>
  >;
  readonly MinimumLoadBalancerCapacity?: Obj<ElasticLoadBalancingV2LoadBalancerMinimumLoadBalancerCapacity>;
  readonly Name?: Str;
  readonly Scheme?: Str;
  readonly SecurityGroups?: List<Str>;
  readonly SubnetMappings?: List<Obj<ElasticLoadBalancingV2LoadBalancerSubnetMapping>>;
  readonly Subnets?: List<Str>;
  readonly Tags?: List<CfnTag>;
  readonly Type?: Str;
}

/** AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerAttribute: Specifies an attribute for an Application Load Balancer, a Network Load Balancer, or a Gateway Load Balancer. */
export interface ElasticLoadBalancingV2LoadBalancerLoadBalancerAttribute {
  readonly Key?: Str;
  readonly Value?: Str;
}

/** AWS::ElasticLoadBalancingV2::LoadBalancer.MinimumLoadBalancerCapacity: The minimum capacity for a load balancer. */
export interface ElasticLoadBalancingV2LoadBalancerMinimumLoadBalancerCapacity {
  readonly CapacityUnits: Num;
}

/** AWS::ElasticLoadBalancingV2::LoadBalancer.SubnetMapping: Specifies a subnet for a load balancer. */
export interface ElasticLoadBalancingV2LoadBalancerSubnetMapping {
  readonly AllocationId?: Str;
  readonly IPv6Address?: Str;
  readonly PrivateIPv4Address?: Str;
  readonly SourceNatIpv6Prefix?: Str;
  readonly SubnetId: Str;
}

/** AWS::ElasticLoadBalancingV2::TargetGroup: Specifies a target group for an Application Load Balancer, a Network Load Balancer, or a Gateway Load Balancer. */
export interface ElasticLoadBalancingV2TargetGroupProps {
  readonly HealthCheckEnabled?: Bool;
  readonly HealthCheckIntervalSeconds?: Num;
  readonly HealthCheckPath?: Str;
  readonly HealthCheckPort?: Str;
  readonly HealthCheckProtocol?: Str;
  readonly HealthCheckTimeoutSeconds?: Num;
  readonly HealthyThresholdCount?: Num;
  readonly IpAddressType?: Str;
  readonly Matcher?: Obj<ElasticLoadBalancingV2TargetGroupMatcher>;
  readonly Name?: Str;
  readonly Port?: Num;
  readonly Protocol?: Str;
  readonly ProtocolVersion?: Str;
  readonly Tags?: List<CfnTag>;
  readonly TargetControlPort?: Num;
  readonly TargetGroupAttributes?: List<Obj<ElasticLoadBalancingV2TargetGroupTargetGroupAttribute>>;
  readonly TargetType?: Str;
  readonly Targets?: List<Obj<ElasticLoadBalancingV2TargetGroupTargetDescription>>;
  readonly UnhealthyThresholdCount?: Num;
  readonly VpcId?: Str;
}

/** AWS::ElasticLoadBalancingV2::TargetGroup.Matcher: Specifies the HTTP codes that healthy targets must use when responding to an HTTP health check. */
export interface ElasticLoadBalancingV2TargetGroupMatcher {
  readonly GrpcCode?: Str;
  readonly HttpCode?: Str;
}

/** AWS::ElasticLoadBalancingV2::TargetGroup.TargetGroupAttribute: Specifies a target group attribute. */
export interface ElasticLoadBalancingV2TargetGroupTargetGroupAttribute {
  readonly Key?: Str;
  readonly Value?: Str;
}

/** AWS::ElasticLoadBalancingV2::TargetGroup.TargetDescription: Specifies a target to add to a target group. */
export interface ElasticLoadBalancingV2TargetGroupTargetDescription {
  readonly AvailabilityZone?: Str;
  readonly Id: Str;
  readonly Port?: Num;
  readonly QuicServerId?: Str;
}

/** AWS::IAM::InstanceProfile: Creates a new instance profile. */
export interface IAMInstanceProfileProps {
  readonly InstanceProfileName?: Str;
  readonly Path?: Str;
  readonly Roles: List<Str>;
}

/** AWS::IAM::ManagedPolicy: Creates a new managed policy for your AWS account . */
export interface IAMManagedPolicyProps {
  readonly Description?: Str;
  readonly Groups?: List<Str>;
  readonly ManagedPolicyName?: Str;
  readonly Path?: Str;
  readonly PolicyDocument: Json | Str;
  readonly Roles?: List<Str>;
  readonly Users?: List<Str>;
}

/** AWS::IAM::Role: Creates a new role for your AWS account . */
export interface IAMRoleProps {
  readonly AssumeRolePolicyDocument: Json | Str;
  readonly Description?: Str;
  readonly ManagedPolicyArns?: List<Str>;
  readonly MaxSessionDuration?: Num;
  readonly Path?: Str;
  readonly PermissionsBoundary?: Str;
  readonly Policies?: List<Obj<IAMRolePolicy>>;
  readonly RoleName?: Str;
  readonly Tags?: List<CfnTag>;
}

/** AWS::IAM::Role.Policy: Contains information about an attached policy. */
export interface IAMRolePolicy {
  readonly PolicyDocument: Str | Json;
  readonly PolicyName: Str;
}

/** AWS::KMS::Alias: The `AWS::KMS::Alias` resource specifies a display name for a [KMS key](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#kms_keys) . */
export interface KMSAliasProps {
  readonly AliasName: Str;
  readonly TargetKeyId: Str;
}

/** AWS::KMS::Key: The `AWS::KMS::Key` resource specifies an [KMS key](https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#kms_keys) in AWS Key Management Service . */
export interface KMSKeyProps {
  readonly BypassPolicyLockoutSafetyCheck?: Bool;
  readonly Description?: Str;
  readonly EnableKeyRotation?: Bool;
  readonly Enabled?: Bool;
  readonly KeyPolicy?: Json | Str;
  readonly KeySpec?: Str;
  readonly KeyUsage?: Str;
  readonly MultiRegion?: Bool;
  readonly Origin?: Str;
  readonly PendingWindowInDays?: Num;
  readonly RotationPeriodInDays?: Num;
  readonly Tags?: List<CfnTag>;
}

/** AWS::Logs::LogGroup: The `AWS::Logs::LogGroup` resource specifies a log group. */
export interface LogsLogGroupProps {
  readonly BearerTokenAuthenticationEnabled?: Bool;
  readonly DataProtectionPolicy?: Json;
  readonly DeletionProtectionEnabled?: Bool;
  readonly FieldIndexPolicies?: List<Json>;
  readonly KmsKeyId?: Str;
  readonly LogGroupClass?: Str;
  readonly LogGroupName?: Str;
  readonly ResourcePolicyDocument?: Json;
  readonly RetentionInDays?: Num;
  readonly Tags?: List<CfnTag>;
}

/** AWS::S3::Bucket: The `AWS::S3::Bucket` resource creates an Amazon S3 bucket in the same AWS Region where you create the AWS CloudFormation stack. */
export interface S3BucketProps {
  readonly AbacStatus?: Str;
  readonly AccelerateConfiguration?: Obj<S3BucketAccelerateConfiguration>;
  readonly AccessControl?: Str;
  readonly AnalyticsConfigurations?: List<Obj<S3BucketAnalyticsConfiguration>>;
  readonly BucketEncryption?: Obj<S3BucketBucketEncryption>;
  readonly BucketName?: Str;
  readonly BucketNamePrefix?: Str;
  readonly BucketNamespace?: Str;
  readonly CorsConfiguration?: Obj<S3BucketCorsConfiguration>;
  readonly IntelligentTieringConfigurations?: List<Obj<S3BucketIntelligentTieringConfiguration>>;
  readonly InventoryConfigurations?: List<Obj<S3BucketInventoryConfiguration>>;
  readonly LifecycleConfiguration?: Obj<S3BucketLifecycleConfiguration>;
  readonly LoggingConfiguration?: Obj<S3BucketLoggingConfiguration>;
  readonly MetadataConfiguration?: Obj<S3BucketMetadataConfiguration>;
  readonly MetadataTableConfiguration?: Obj<S3BucketMetadataTableConfiguration>;
  readonly MetricsConfigurations?: List<Obj<S3BucketMetricsConfiguration>>;
  readonly NotificationConfiguration?: Obj<S3BucketNotificationConfiguration>;
  readonly ObjectLockConfiguration?: Obj<S3BucketObjectLockConfiguration>;
  readonly ObjectLockEnabled?: Bool;
  readonly OwnershipControls?: Obj<S3BucketOwnershipControls>;
  readonly PublicAccessBlockConfiguration?: Obj<S3BucketPublicAccessBlockConfiguration>;
  readonly ReplicationConfiguration?: Obj<S3BucketReplicationConfiguration>;
  readonly Tags?: List<CfnTag>;
  readonly VersioningConfiguration?: Obj<S3BucketVersioningConfiguration>;
  readonly WebsiteConfiguration?: Obj<S3BucketWebsiteConfiguration>;
}

/** AWS::S3::Bucket.AccelerateConfiguration: Configures the transfer acceleration state for an Amazon S3 bucket. */
export interface S3BucketAccelerateConfiguration {
  readonly AccelerationStatus: Str;
}

/** AWS::S3::Bucket.AnalyticsConfiguration: Specifies the configuration and any analyses for the analytics filter of an Amazon S3 bucket. */
export interface S3BucketAnalyticsConfiguration {
  readonly Id: Str;
  readonly Prefix?: Str;
  readonly StorageClassAnalysis: Obj<S3BucketStorageClassAnalysis>;
  readonly TagFilters?: List<Obj<S3BucketTagFilter>>;
}

/** AWS::S3::Bucket.BucketEncryption: Specifies default encryption for a bucket using server-side encryption with Amazon S3-managed keys (SSE-S3), AWS KMS-managed keys (SSE-KMS), or dual-layer server-side encryption with KMS-managed keys  */
export interface S3BucketBucketEncryption {
  readonly ServerSideEncryptionConfiguration: List<Obj<S3BucketServerSideEncryptionRule>>;
}

/** AWS::S3::Bucket.CorsConfiguration: Describes the cross-origin access configuration for objects in an Amazon S3 bucket. */
export interface S3BucketCorsConfiguration {
  readonly CorsRules: List<Obj<S3BucketCorsRule>>;
}

/** AWS::S3::Bucket.IntelligentTieringConfiguration: Specifies the S3 Intelligent-Tiering configuration for an Amazon S3 bucket. */
export interface S3BucketIntelligentTieringConfiguration {
  readonly Id: Str;
  readonly Prefix?: Str;
  readonly Status: Str;
  readonly TagFilters?: List<Obj<S3BucketTagFilter>>;
  readonly Tierings: List<Obj<S3BucketTiering>>;
}

/** AWS::S3::Bucket.InventoryConfiguration: Specifies the S3 Inventory configuration for an Amazon S3 bucket. */
export interface S3BucketInventoryConfiguration {
  readonly Destination: Obj<S3BucketDestination>;
  readonly Enabled: Bool;
  readonly Id: Str;
  readonly IncludedObjectVersions: Str;
  readonly OptionalFields?: List<Str>;
  readonly Prefix?: Str;
  readonly ScheduleFrequency: Str;
}

/** AWS::S3::Bucket.LifecycleConfiguration: Specifies the lifecycle configuration for objects in an Amazon S3 bucket. */
export interface S3BucketLifecycleConfiguration {
  readonly Rules: List<Obj<S3BucketRule>>;
  readonly TransitionDefaultMinimumObjectSize?: Str;
}

/** AWS::S3::Bucket.LoggingConfiguration: Describes where logs are stored and the prefix that Amazon S3 assigns to all log object keys for a bucket. */
export interface S3BucketLoggingConfiguration {
  readonly DestinationBucketName?: Str;
  readonly LogFilePrefix?: Str;
  readonly TargetObjectKeyFormat?: Obj<S3BucketTargetObjectKeyFormat>;
}

/** AWS::S3::Bucket.MetadataConfiguration: Creates a V2 Amazon S3 Metadata configuration of a general purpose bucket. */
export interface S3BucketMetadataConfiguration {
  readonly AnnotationTableConfiguration?: Obj<S3BucketAnnotationTableConfiguration>;
  readonly Destination?: Obj<S3BucketMetadataDestination>;
  readonly InventoryTableConfiguration?: Obj<S3BucketInventoryTableConfiguration>;
  readonly JournalTableConfiguration: Obj<S3BucketJournalTableConfiguration>;
}

/** AWS::S3::Bucket.MetadataTableConfiguration: > We recommend that you create your S3 Metadata configurations by using the V2 [MetadataConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-m */
export interface S3BucketMetadataTableConfiguration {
  readonly S3TablesDestination: Obj<S3BucketS3TablesDestination>;
}

/** AWS::S3::Bucket.MetricsConfiguration: Specifies a metrics configuration for the CloudWatch request metrics (specified by the metrics configuration ID) from an Amazon S3 bucket. */
export interface S3BucketMetricsConfiguration {
  readonly AccessPointArn?: Str;
  readonly Id: Str;
  readonly Prefix?: Str;
  readonly TagFilters?: List<Obj<S3BucketTagFilter>>;
}

/** AWS::S3::Bucket.NotificationConfiguration: Describes the notification configuration for an Amazon S3 bucket. */
export interface S3BucketNotificationConfiguration {
  readonly EventBridgeConfiguration?: Obj<S3BucketEventBridgeConfiguration>;
  readonly LambdaConfigurations?: List<Obj<S3BucketLambdaConfiguration>>;
  readonly QueueConfigurations?: List<Obj<S3BucketQueueConfiguration>>;
  readonly TopicConfigurations?: List<Obj<S3BucketTopicConfiguration>>;
}

/** AWS::S3::Bucket.ObjectLockConfiguration: Places an Object Lock configuration on the specified bucket. */
export interface S3BucketObjectLockConfiguration {
  readonly ObjectLockEnabled?: Str;
  readonly Rule?: Obj<S3BucketObjectLockRule>;
}

/** AWS::S3::Bucket.OwnershipControls: Specifies the container element for Object Ownership rules. */
export interface S3BucketOwnershipControls {
  readonly Rules: List<Obj<S3BucketOwnershipControlsRule>>;
}

/** AWS::S3::Bucket.PublicAccessBlockConfiguration: The PublicAccessBlock configuration that you want to apply to this Amazon S3 bucket. */
export interface S3BucketPublicAccessBlockConfiguration {
  readonly BlockPublicAcls?: Bool;
  readonly BlockPublicPolicy?: Bool;
  readonly IgnorePublicAcls?: Bool;
  readonly RestrictPublicBuckets?: Bool;
}

/** AWS::S3::Bucket.ReplicationConfiguration: A container for replication rules. */
export interface S3BucketReplicationConfiguration {
  readonly Role: Str;
  readonly Rules: List<Obj<S3BucketReplicationRule>>;
}

/** AWS::S3::Bucket.VersioningConfiguration: Describes the versioning state of an Amazon S3 bucket. */
export interface S3BucketVersioningConfiguration {
  readonly Status: Str;
}

/** AWS::S3::Bucket.WebsiteConfiguration: Specifies website configuration parameters for an Amazon S3 bucket. */
export interface S3BucketWebsiteConfiguration {
  readonly ErrorDocument?: Str;
  readonly IndexDocument?: Str;
  readonly RedirectAllRequestsTo?: Obj<S3BucketRedirectAllRequestsTo>;
  readonly RoutingRules?: List<Obj<S3BucketRoutingRule>>;
}

/** AWS::S3::Bucket.StorageClassAnalysis: Specifies data related to access patterns to be collected and made available to analyze the tradeoffs between different storage classes for an Amazon S3 bucket. */
export interface S3BucketStorageClassAnalysis {
  readonly DataExport?: Obj<S3BucketDataExport>;
}

/** AWS::S3::Bucket.TagFilter: Specifies tags to use to identify a subset of objects for an Amazon S3 bucket. */
export interface S3BucketTagFilter {
  readonly Key: Str;
  readonly Value: Str;
}

/** AWS::S3::Bucket.ServerSideEncryptionRule: Specifies the default server-side encryption configuration. */
export interface S3BucketServerSideEncryptionRule {
  readonly BlockedEncryptionTypes?: Obj<S3BucketBlockedEncryptionTypes>;
  readonly BucketKeyEnabled?: Bool;
  readonly ServerSideEncryptionByDefault?: Obj<S3BucketServerSideEncryptionByDefault>;
}

/** AWS::S3::Bucket.CorsRule: Specifies a cross-origin access rule for an Amazon S3 bucket. */
export interface S3BucketCorsRule {
  readonly AllowedHeaders?: List<Str>;
  readonly AllowedMethods: List<Str>;
  readonly AllowedOrigins: List<Str>;
  readonly ExposedHeaders?: List<Str>;
  readonly Id?: Str;
  readonly MaxAge?: Num;
}

/** AWS::S3::Bucket.Tiering: The S3 Intelligent-Tiering storage class is designed to optimize storage costs by automatically moving data to the most cost-effective storage access tier, without additional operational overhead. */
export interface S3BucketTiering {
  readonly AccessTier: Str;
  readonly Days: Num;
}

/** AWS::S3::Bucket.Destination: Specifies information about where to publish analysis or configuration results for an Amazon S3 bucket. */
export interface S3BucketDestination {
  readonly BucketAccountId?: Str;
  readonly BucketArn: Str;
  readonly Format: Str;
  readonly Prefix?: Str;
}

/** AWS::S3::Bucket.Rule: Specifies lifecycle rules for an Amazon S3 bucket. */
export interface S3BucketRule {
  readonly AbortIncompleteMultipartUpload?: Obj<S3BucketAbortIncompleteMultipartUpload>;
  readonly ExpirationDate?: Str;
  readonly ExpirationInDays?: Num;
  readonly ExpiredObjectDeleteMarker?: Bool;
  readonly Id?: Str;
  readonly NoncurrentVersionExpiration?: Obj<S3BucketNoncurrentVersionExpiration>;
  readonly NoncurrentVersionExpirationInDays?: Num;
  readonly NoncurrentVersionTransition?: Obj<S3BucketNoncurrentVersionTransition>;
  readonly NoncurrentVersionTransitions?: List<Obj<S3BucketNoncurrentVersionTransition>>;
  readonly ObjectSizeGreaterThan?: Num;
  readonly ObjectSizeLessThan?: Num;
  readonly Prefix?: Str;
  readonly Status: Str;
  readonly TagFilters?: List<Obj<S3BucketTagFilter>>;
  readonly Transition?: Obj<S3BucketTransition>;
  readonly Transitions?: List<Obj<S3BucketTransition>>;
}

/** AWS::S3::Bucket.TargetObjectKeyFormat: Amazon S3 key format for log objects. */
export interface S3BucketTargetObjectKeyFormat {
  readonly PartitionedPrefix?: Obj<S3BucketPartitionedPrefix>;
  readonly SimplePrefix?: Json;
}

/** AWS::S3::Bucket.AnnotationTableConfiguration: The annotation table configuration for an S3 Metadata configuration. */
export interface S3BucketAnnotationTableConfiguration {
  readonly ConfigurationState: Str;
  readonly EncryptionConfiguration?: Obj<S3BucketMetadataTableEncryptionConfiguration>;
  readonly Role?: Str;
  readonly TableArn?: Str;
  readonly TableName?: Str;
}

/** AWS::S3::Bucket.MetadataDestination: The destination information for the S3 Metadata configuration. */
export interface S3BucketMetadataDestination {
  readonly TableBucketArn?: Str;
  readonly TableBucketType: Str;
  readonly TableNamespace?: Str;
}

/** AWS::S3::Bucket.InventoryTableConfiguration: The inventory table configuration for an S3 Metadata configuration. */
export interface S3BucketInventoryTableConfiguration {
  readonly ConfigurationState: Str;
  readonly EncryptionConfiguration?: Obj<S3BucketMetadataTableEncryptionConfiguration>;
  readonly TableArn?: Str;
  readonly TableName?: Str;
}

/** AWS::S3::Bucket.JournalTableConfiguration: The journal table configuration for an S3 Metadata configuration. */
export interface S3BucketJournalTableConfiguration {
  readonly EncryptionConfiguration?: Obj<S3BucketMetadataTableEncryptionConfiguration>;
  readonly RecordExpiration: Obj<S3BucketRecordExpiration>;
  readonly TableArn?: Str;
  readonly TableName?: Str;
}

/** AWS::S3::Bucket.S3TablesDestination: The destination information for a V1 S3 Metadata configuration. */
export interface S3BucketS3TablesDestination {
  readonly TableArn?: Str;
  readonly TableBucketArn: Str;
  readonly TableName: Str;
  readonly TableNamespace?: Str;
}

/** AWS::S3::Bucket.EventBridgeConfiguration: Amazon S3 can send events to Amazon EventBridge whenever certain events happen in your bucket, see [Using EventBridge](https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html) in the *A */
export interface S3BucketEventBridgeConfiguration {
  readonly EventBridgeEnabled: Bool;
}

/** AWS::S3::Bucket.LambdaConfiguration: Describes the AWS Lambda functions to invoke and the events for which to invoke them. */
export interface S3BucketLambdaConfiguration {
  readonly Event: Str;
  readonly Filter?: Obj<S3BucketNotificationFilter>;
  readonly Function: Str;
}

/** AWS::S3::Bucket.QueueConfiguration: Specifies the configuration for publishing messages to an Amazon Simple Queue Service (Amazon SQS) queue when Amazon S3 detects specified events. */
export interface S3BucketQueueConfiguration {
  readonly Event: Str;
  readonly Filter?: Obj<S3BucketNotificationFilter>;
  readonly Queue: Str;
}

/** AWS::S3::Bucket.TopicConfiguration: A container for specifying the configuration for publication of messages to an Amazon Simple Notification Service (Amazon SNS) topic when Amazon S3 detects specified events. */
export interface S3BucketTopicConfiguration {
  readonly Event: Str;
  readonly Filter?: Obj<S3BucketNotificationFilter>;
  readonly Topic: Str;
}

/** AWS::S3::Bucket.ObjectLockRule: Specifies the Object Lock rule for the specified object. */
export interface S3BucketObjectLockRule {
  readonly DefaultRetention?: Obj<S3BucketDefaultRetention>;
}

/** AWS::S3::Bucket.OwnershipControlsRule: Specifies an Object Ownership rule. */
export interface S3BucketOwnershipControlsRule {
  readonly ObjectOwnership?: Str;
}

/** AWS::S3::Bucket.ReplicationRule: Specifies which Amazon S3 objects to replicate and where to store the replicas. */
export interface S3BucketReplicationRule {
  readonly DeleteMarkerReplication?: Obj<S3BucketDeleteMarkerReplication>;
  readonly Destination: Obj<S3BucketReplicationDestination>;
  readonly Filter?: Obj<S3BucketReplicationRuleFilter>;
  readonly Id?: Str;
  readonly Prefix?: Str;
  readonly Priority?: Num;
  readonly SourceSelectionCriteria?: Obj<S3BucketSourceSelectionCriteria>;
  readonly Status: Str;
}

/** AWS::S3::Bucket.RedirectAllRequestsTo: Specifies the redirect behavior of all requests to a website endpoint of an Amazon S3 bucket. */
export interface S3BucketRedirectAllRequestsTo {
  readonly HostName: Str;
  readonly Protocol?: Str;
}

/** AWS::S3::Bucket.RoutingRule: Specifies the redirect behavior and when a redirect is applied. */
export interface S3BucketRoutingRule {
  readonly RedirectRule: Obj<S3BucketRedirectRule>;
  readonly RoutingRuleCondition?: Obj<S3BucketRoutingRuleCondition>;
}

/** AWS::S3::Bucket.DataExport: Specifies how data related to the storage class analysis for an Amazon S3 bucket should be exported. */
export interface S3BucketDataExport {
  readonly Destination: Obj<S3BucketDestination>;
  readonly OutputSchemaVersion: Str;
}

/** AWS::S3::Bucket.BlockedEncryptionTypes: A bucket-level setting for Amazon S3 general purpose buckets used to prevent the upload of new objects encrypted with the specified server-side encryption type. */
export interface S3BucketBlockedEncryptionTypes {
  readonly EncryptionType?: List<Str>;
}

/** AWS::S3::Bucket.ServerSideEncryptionByDefault: Describes the default server-side encryption to apply to new objects in the bucket. */
export interface S3BucketServerSideEncryptionByDefault {
  readonly KMSMasterKeyID?: Str;
  readonly SSEAlgorithm: Str;
}

/** AWS::S3::Bucket.AbortIncompleteMultipartUpload: Specifies the days since the initiation of an incomplete multipart upload that Amazon S3 will wait before permanently removing all parts of the upload. */
export interface S3BucketAbortIncompleteMultipartUpload {
  readonly DaysAfterInitiation: Num;
}

/** AWS::S3::Bucket.NoncurrentVersionExpiration: Specifies when noncurrent object versions expire. */
export interface S3BucketNoncurrentVersionExpiration {
  readonly NewerNoncurrentVersions?: Num;
  readonly NoncurrentDays: Num;
}

/** AWS::S3::Bucket.NoncurrentVersionTransition: Container for the transition rule that describes when noncurrent objects transition to the `STANDARD_IA` , `ONEZONE_IA` , `INTELLIGENT_TIERING` , `GLACIER_IR` , `GLACIER` , or `DEEP_ARCHIVE` storage c */
export interface S3BucketNoncurrentVersionTransition {
  readonly NewerNoncurrentVersions?: Num;
  readonly StorageClass: Str;
  readonly TransitionInDays: Num;
}

/** AWS::S3::Bucket.Transition: Specifies when an object transitions to a specified storage class. */
export interface S3BucketTransition {
  readonly StorageClass: Str;
  readonly TransitionDate?: Str;
  readonly TransitionInDays?: Num;
}

/** AWS::S3::Bucket.PartitionedPrefix: Amazon S3 keys for log objects are partitioned in the following format: */
export interface S3BucketPartitionedPrefix {
  readonly PartitionDateSource?: Str;
}

/** AWS::S3::Bucket.MetadataTableEncryptionConfiguration: The encryption settings for an S3 Metadata journal table or inventory table configuration. */
export interface S3BucketMetadataTableEncryptionConfiguration {
  readonly KmsKeyArn?: Str;
  readonly SseAlgorithm: Str;
}

/** AWS::S3::Bucket.RecordExpiration: The journal table record expiration settings for a journal table in an S3 Metadata configuration. */
export interface S3BucketRecordExpiration {
  readonly Days?: Num;
  readonly Expiration: Str;
}

/** AWS::S3::Bucket.NotificationFilter: Specifies object key name filtering rules. */
export interface S3BucketNotificationFilter {
  readonly S3Key: Obj<S3BucketS3KeyFilter>;
}

/** AWS::S3::Bucket.DefaultRetention: The container element for optionally specifying the default Object Lock retention settings for new objects placed in the specified bucket. */
export interface S3BucketDefaultRetention {
  readonly Days?: Num;
  readonly DefaultEventHold?: Obj<S3BucketDefaultEventHold>;
  readonly Mode?: Str;
  readonly Years?: Num;
}

/** AWS::S3::Bucket.DeleteMarkerReplication: Specifies whether Amazon S3 replicates delete markers. */
export interface S3BucketDeleteMarkerReplication {
  readonly Status?: Str;
}

/** AWS::S3::Bucket.ReplicationDestination: A container for information about the replication destination and its configurations including enabling the S3 Replication Time Control (S3 RTC). */
export interface S3BucketReplicationDestination {
  readonly AccessControlTranslation?: Obj<S3BucketAccessControlTranslation>;
  readonly Account?: Str;
  readonly Bucket: Str;
  readonly EncryptionConfiguration?: Obj<S3BucketEncryptionConfiguration>;
  readonly Metrics?: Obj<S3BucketMetrics>;
  readonly ReplicationTime?: Obj<S3BucketReplicationTime>;
  readonly StorageClass?: Str;
}

/** AWS::S3::Bucket.ReplicationRuleFilter: A filter that identifies the subset of objects to which the replication rule applies. */
export interface S3BucketReplicationRuleFilter {
  readonly And?: Obj<S3BucketReplicationRuleAndOperator>;
  readonly Prefix?: Str;
  readonly TagFilter?: Obj<S3BucketTagFilter>;
}

/** AWS::S3::Bucket.SourceSelectionCriteria: A container that describes additional filters for identifying the source objects that you want to replicate. */
export interface S3BucketSourceSelectionCriteria {
  readonly ReplicaModifications?: Obj<S3BucketReplicaModifications>;
  readonly SseKmsEncryptedObjects?: Obj<S3BucketSseKmsEncryptedObjects>;
}

/** AWS::S3::Bucket.RedirectRule: Specifies how requests are redirected. */
export interface S3BucketRedirectRule {
  readonly HostName?: Str;
  readonly HttpRedirectCode?: Str;
  readonly Protocol?: Str;
  readonly ReplaceKeyPrefixWith?: Str;
  readonly ReplaceKeyWith?: Str;
}

/** AWS::S3::Bucket.RoutingRuleCondition: A container for describing a condition that must be met for the specified redirect to apply. */
export interface S3BucketRoutingRuleCondition {
  readonly HttpErrorCodeReturnedEquals?: Str;
  readonly KeyPrefixEquals?: Str;
}

/** AWS::S3::Bucket.S3KeyFilter: A container for object key name prefix and suffix filtering rules. */
export interface S3BucketS3KeyFilter {
  readonly Rules: List<Obj<S3BucketFilterRule>>;
}

/** AWS::S3::Bucket.DefaultEventHold */
export interface S3BucketDefaultEventHold {
  readonly Days?: Num;
  readonly Years?: Num;
}

/** AWS::S3::Bucket.AccessControlTranslation: Specify this only in a cross-account scenario (where source and destination bucket owners are not the same), and you want to change replica ownership to the AWS account that owns the destination bucke */
export interface S3BucketAccessControlTranslation {
  readonly Owner: Str;
}

/** AWS::S3::Bucket.EncryptionConfiguration: Specifies encryption-related information for an Amazon S3 bucket that is a destination for replicated objects. */
export interface S3BucketEncryptionConfiguration {
  readonly ReplicaKmsKeyID: Str;
}

/** AWS::S3::Bucket.Metrics: A container specifying replication metrics-related settings enabling replication metrics and events. */
export interface S3BucketMetrics {
  readonly EventThreshold?: Obj<S3BucketReplicationTimeValue>;
  readonly Status: Str;
}

/** AWS::S3::Bucket.ReplicationTime: A container specifying S3 Replication Time Control (S3 RTC) related information, including whether S3 RTC is enabled and the time when all objects and operations on objects must be replicated. */
export interface S3BucketReplicationTime {
  readonly Status: Str;
  readonly Time: Obj<S3BucketReplicationTimeValue>;
}

/** AWS::S3::Bucket.ReplicationRuleAndOperator: A container for specifying rule filters. */
export interface S3BucketReplicationRuleAndOperator {
  readonly Prefix?: Str;
  readonly TagFilters?: List<Obj<S3BucketTagFilter>>;
}

/** AWS::S3::Bucket.ReplicaModifications: A filter that you can specify for selection for modifications on replicas. */
export interface S3BucketReplicaModifications {
  readonly Status: Str;
}

/** AWS::S3::Bucket.SseKmsEncryptedObjects: A container for filter information for the selection of S3 objects encrypted with AWS KMS. */
export interface S3BucketSseKmsEncryptedObjects {
  readonly Status: Str;
}

/** AWS::S3::Bucket.FilterRule: Specifies the Amazon S3 object key name to filter on. */
export interface S3BucketFilterRule {
  readonly Name: Str;
  readonly Value: Str;
}

/** AWS::S3::Bucket.ReplicationTimeValue: A container specifying the time value for S3 Replication Time Control (S3 RTC) and replication metrics `EventThreshold` . */
export interface S3BucketReplicationTimeValue {
  readonly Minutes: Num;
}

/** AWS::S3::BucketPolicy: Applies an Amazon S3 bucket policy to an Amazon S3 bucket. */
export interface S3BucketPolicyProps {
  readonly Bucket: Str;
  readonly PolicyDocument: Json | Str;
}

/** AWS::SNS::Subscription: The `AWS::SNS::Subscription` resource subscribes an endpoint to an Amazon  topic. */
export interface SNSSubscriptionProps {
  readonly DeliveryPolicy?: Json | Str;
  readonly Endpoint?: Str;
  readonly FilterPolicy?: Json | Str;
  readonly FilterPolicyScope?: Str;
  readonly Protocol: Str;
  readonly RawMessageDelivery?: Bool;
  readonly RedrivePolicy?: Json | Str;
  readonly Region?: Str;
  readonly ReplayPolicy?: Json | Str;
  readonly SubscriptionRoleArn?: Str;
  readonly TopicArn: Str;
}

/** AWS::SNS::Topic: The `AWS::SNS::Topic` resource creates a topic to which notifications can be published. */
export interface SNSTopicProps {
  readonly ArchivePolicy?: Json;
  readonly ContentBasedDeduplication?: Bool;
  readonly DataProtectionPolicy?: Json;
  readonly DeliveryStatusLogging?: List<Obj<SNSTopicLoggingConfig>>;
  readonly DisplayName?: Str;
  readonly FifoThroughputScope?: Str;
  readonly FifoTopic?: Bool;
  readonly KmsMasterKeyId?: Str;
  readonly MaximumMessageSize?: Num;
  readonly SignatureVersion?: Str;
  readonly Subscription?: List<Obj<SNSTopicSubscription>>;
  readonly Tags?: List<CfnTag>;
  readonly TopicName?: Str;
  readonly TracingConfig?: Str;
}

/** AWS::SNS::Topic.LoggingConfig: The `LoggingConfig` property type specifies the `Delivery` status logging configuration for an [`AWS::SNS::Topic`](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic */
export interface SNSTopicLoggingConfig {
  readonly FailureFeedbackRoleArn?: Str;
  readonly Protocol: Str;
  readonly SuccessFeedbackRoleArn?: Str;
  readonly SuccessFeedbackSampleRate?: Str;
}

/** AWS::SNS::Topic.Subscription: `Subscription` is an embedded property that describes the subscription endpoints of an Amazon  topic. */
export interface SNSTopicSubscription {
  readonly Endpoint: Str;
  readonly Protocol: Str;
}

/** AWS::SNS::TopicPolicy: The `AWS::SNS::TopicPolicy` resource associates Amazon  topics with a policy. */
export interface SNSTopicPolicyProps {
  readonly PolicyDocument: Json | Str;
  readonly Topics: List<Str>;
}

/** AWS::SSM::Parameter: The `AWS::SSM::Parameter` resource creates an SSM parameter in AWS Systems Manager Parameter Store. */
export interface SSMParameterProps {
  readonly AllowedPattern?: Str;
  readonly DataType?: Str;
  readonly Description?: Str;
  readonly Name?: Str;
  readonly Policies?: Str;
  readonly Tags?: StrMap<Str>;
  readonly Tier?: Str;
  readonly Type: Str;
  readonly Value: Str;
}

/** Property interface of each resource type. */
export interface ResourceProps {
  'AWS::AutoScaling::AutoScalingGroup': AutoScalingAutoScalingGroupProps;
  'AWS::CloudFront::Distribution': CloudFrontDistributionProps;
  'AWS::CloudFront::Function': CloudFrontFunctionProps;
  'AWS::CloudFront::OriginAccessControl': CloudFrontOriginAccessControlProps;
  'AWS::CloudFront::VpcOrigin': CloudFrontVpcOriginProps;
  'AWS::CloudTrail::Trail': CloudTrailTrailProps;
  'AWS::CloudWatch::Alarm': CloudWatchAlarmProps;
  'AWS::CloudWatch::Dashboard': CloudWatchDashboardProps;
  'AWS::DynamoDB::Table': DynamoDBTableProps;
  'AWS::EC2::EIP': EC2EIPProps;
  'AWS::EC2::FlowLog': EC2FlowLogProps;
  'AWS::EC2::Instance': EC2InstanceProps;
  'AWS::EC2::InternetGateway': EC2InternetGatewayProps;
  'AWS::EC2::LaunchTemplate': EC2LaunchTemplateProps;
  'AWS::EC2::NatGateway': EC2NatGatewayProps;
  'AWS::EC2::NetworkAcl': EC2NetworkAclProps;
  'AWS::EC2::NetworkAclEntry': EC2NetworkAclEntryProps;
  'AWS::EC2::Route': EC2RouteProps;
  'AWS::EC2::RouteTable': EC2RouteTableProps;
  'AWS::EC2::SecurityGroup': EC2SecurityGroupProps;
  'AWS::EC2::Subnet': EC2SubnetProps;
  'AWS::EC2::SubnetNetworkAclAssociation': EC2SubnetNetworkAclAssociationProps;
  'AWS::EC2::SubnetRouteTableAssociation': EC2SubnetRouteTableAssociationProps;
  'AWS::EC2::VPC': EC2VPCProps;
  'AWS::EC2::VPCEndpoint': EC2VPCEndpointProps;
  'AWS::EC2::VPCGatewayAttachment': EC2VPCGatewayAttachmentProps;
  'AWS::ElasticLoadBalancingV2::Listener': ElasticLoadBalancingV2ListenerProps;
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ElasticLoadBalancingV2LoadBalancerProps;
  'AWS::ElasticLoadBalancingV2::TargetGroup': ElasticLoadBalancingV2TargetGroupProps;
  'AWS::IAM::InstanceProfile': IAMInstanceProfileProps;
  'AWS::IAM::ManagedPolicy': IAMManagedPolicyProps;
  'AWS::IAM::Role': IAMRoleProps;
  'AWS::KMS::Alias': KMSAliasProps;
  'AWS::KMS::Key': KMSKeyProps;
  'AWS::Logs::LogGroup': LogsLogGroupProps;
  'AWS::S3::Bucket': S3BucketProps;
  'AWS::S3::BucketPolicy': S3BucketPolicyProps;
  'AWS::SNS::Subscription': SNSSubscriptionProps;
  'AWS::SNS::Topic': SNSTopicProps;
  'AWS::SNS::TopicPolicy': SNSTopicPolicyProps;
  'AWS::SSM::Parameter': SSMParameterProps;
}

/** Attributes `Fn::GetAtt` may read, per resource type. */
export interface ResourceAttributes {
  'AWS::AutoScaling::AutoScalingGroup': 'AutoScalingGroupARN';
  'AWS::CloudFront::Distribution': 'DomainName' | 'Id';
  'AWS::CloudFront::Function': 'FunctionARN' | 'FunctionMetadata.FunctionARN' | 'Stage';
  'AWS::CloudFront::OriginAccessControl': 'Id';
  'AWS::CloudFront::VpcOrigin':
    'AccountId' | 'Arn' | 'CreatedTime' | 'Id' | 'LastModifiedTime' | 'Status';
  'AWS::CloudTrail::Trail': 'Arn' | 'SnsTopicArn';
  'AWS::CloudWatch::Alarm': 'Arn';
  'AWS::CloudWatch::Dashboard': never;
  'AWS::DynamoDB::Table': 'Arn' | 'StreamArn';
  'AWS::EC2::EIP': 'AllocationId' | 'PublicIp';
  'AWS::EC2::FlowLog': 'Id';
  'AWS::EC2::Instance':
    | 'AvailabilityZone'
    | 'InstanceId'
    | 'PrivateDnsName'
    | 'PrivateIp'
    | 'PublicDnsName'
    | 'PublicIp'
    | 'State'
    | 'VpcId';
  'AWS::EC2::InternetGateway': 'InternetGatewayId';
  'AWS::EC2::LaunchTemplate': 'DefaultVersionNumber' | 'LatestVersionNumber' | 'LaunchTemplateId';
  'AWS::EC2::NatGateway':
    'AutoProvisionZones' | 'AutoScalingIps' | 'EniId' | 'NatGatewayId' | 'RouteTableId';
  'AWS::EC2::NetworkAcl': 'Id';
  'AWS::EC2::NetworkAclEntry': 'Id';
  'AWS::EC2::Route': 'CidrBlock';
  'AWS::EC2::RouteTable': 'RouteTableId';
  'AWS::EC2::SecurityGroup': 'GroupId' | 'Id' | 'VpcId';
  'AWS::EC2::Subnet':
    | 'AvailabilityZone'
    | 'AvailabilityZoneId'
    | 'BlockPublicAccessStates'
    | 'CidrBlock'
    | 'Ipv6CidrBlocks'
    | 'NetworkAclAssociationId'
    | 'OutpostArn'
    | 'SubnetId'
    | 'VpcId';
  'AWS::EC2::SubnetNetworkAclAssociation': 'AssociationId';
  'AWS::EC2::SubnetRouteTableAssociation': 'Id';
  'AWS::EC2::VPC':
    | 'CidrBlock'
    | 'CidrBlockAssociations'
    | 'DefaultNetworkAcl'
    | 'DefaultSecurityGroup'
    | 'Ipv6CidrBlocks'
    | 'VpcEncryptionControl.ResourceExclusions'
    | 'VpcEncryptionControl.ResourceExclusions.EgressOnlyInternetGateway'
    | 'VpcEncryptionControl.ResourceExclusions.EgressOnlyInternetGateway.State'
    | 'VpcEncryptionControl.ResourceExclusions.EgressOnlyInternetGateway.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.ElasticFileSystem'
    | 'VpcEncryptionControl.ResourceExclusions.ElasticFileSystem.State'
    | 'VpcEncryptionControl.ResourceExclusions.ElasticFileSystem.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.InternetGateway'
    | 'VpcEncryptionControl.ResourceExclusions.InternetGateway.State'
    | 'VpcEncryptionControl.ResourceExclusions.InternetGateway.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.Lambda'
    | 'VpcEncryptionControl.ResourceExclusions.Lambda.State'
    | 'VpcEncryptionControl.ResourceExclusions.Lambda.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.NatGateway'
    | 'VpcEncryptionControl.ResourceExclusions.NatGateway.State'
    | 'VpcEncryptionControl.ResourceExclusions.NatGateway.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.VirtualPrivateGateway'
    | 'VpcEncryptionControl.ResourceExclusions.VirtualPrivateGateway.State'
    | 'VpcEncryptionControl.ResourceExclusions.VirtualPrivateGateway.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.VpcLattice'
    | 'VpcEncryptionControl.ResourceExclusions.VpcLattice.State'
    | 'VpcEncryptionControl.ResourceExclusions.VpcLattice.StateMessage'
    | 'VpcEncryptionControl.ResourceExclusions.VpcPeering'
    | 'VpcEncryptionControl.ResourceExclusions.VpcPeering.State'
    | 'VpcEncryptionControl.ResourceExclusions.VpcPeering.StateMessage'
    | 'VpcEncryptionControl.State'
    | 'VpcEncryptionControl.StateMessage'
    | 'VpcEncryptionControl.VpcEncryptionControlId'
    | 'VpcEncryptionControl.VpcId'
    | 'VpcId';
  'AWS::EC2::VPCEndpoint': 'CreationTimestamp' | 'DnsEntries' | 'Id' | 'NetworkInterfaceIds';
  'AWS::EC2::VPCGatewayAttachment': 'AttachmentType';
  'AWS::ElasticLoadBalancingV2::Listener': 'ListenerArn';
  'AWS::ElasticLoadBalancingV2::LoadBalancer':
    | 'CanonicalHostedZoneID'
    | 'DNSName'
    | 'LoadBalancerArn'
    | 'LoadBalancerFullName'
    | 'LoadBalancerName'
    | 'SecurityGroups';
  'AWS::ElasticLoadBalancingV2::TargetGroup':
    'LoadBalancerArns' | 'TargetGroupArn' | 'TargetGroupFullName' | 'TargetGroupName';
  'AWS::IAM::InstanceProfile': 'Arn';
  'AWS::IAM::ManagedPolicy':
    | 'AttachmentCount'
    | 'CreateDate'
    | 'DefaultVersionId'
    | 'IsAttachable'
    | 'PermissionsBoundaryUsageCount'
    | 'PolicyArn'
    | 'PolicyId'
    | 'UpdateDate';
  'AWS::IAM::Role': 'Arn' | 'RoleId';
  'AWS::KMS::Alias': never;
  'AWS::KMS::Key': 'Arn' | 'KeyId';
  'AWS::Logs::LogGroup': 'Arn';
  'AWS::S3::Bucket':
    | 'Arn'
    | 'DomainName'
    | 'DualStackDomainName'
    | 'MetadataConfiguration.AnnotationTableConfiguration.TableArn'
    | 'MetadataConfiguration.AnnotationTableConfiguration.TableName'
    | 'MetadataConfiguration.Destination'
    | 'MetadataConfiguration.InventoryTableConfiguration.TableArn'
    | 'MetadataConfiguration.InventoryTableConfiguration.TableName'
    | 'MetadataConfiguration.JournalTableConfiguration.TableArn'
    | 'MetadataConfiguration.JournalTableConfiguration.TableName'
    | 'MetadataTableConfiguration.S3TablesDestination.TableArn'
    | 'MetadataTableConfiguration.S3TablesDestination.TableNamespace'
    | 'RegionalDomainName'
    | 'WebsiteURL';
  'AWS::S3::BucketPolicy': never;
  'AWS::SNS::Subscription': 'Arn';
  'AWS::SNS::Topic': 'TopicArn' | 'TopicName';
  'AWS::SNS::TopicPolicy': 'Id';
  'AWS::SSM::Parameter': 'Arn' | 'Type' | 'Value';
}

/** Where each taggable resource type takes its tags, and in which shape. */
export const TAGGING: {
  readonly [T in keyof ResourceProps]?: {
    readonly property: string;
    readonly variant: 'standard' | 'asg' | 'map';
  };
} = {
  'AWS::AutoScaling::AutoScalingGroup': { property: 'Tags', variant: 'asg' },
  'AWS::CloudFront::Distribution': { property: 'Tags', variant: 'standard' },
  'AWS::CloudFront::Function': { property: 'Tags', variant: 'standard' },
  'AWS::CloudFront::VpcOrigin': { property: 'Tags', variant: 'standard' },
  'AWS::CloudTrail::Trail': { property: 'Tags', variant: 'standard' },
  'AWS::CloudWatch::Alarm': { property: 'Tags', variant: 'standard' },
  'AWS::CloudWatch::Dashboard': { property: 'Tags', variant: 'standard' },
  'AWS::DynamoDB::Table': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::EIP': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::FlowLog': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::Instance': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::InternetGateway': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::NatGateway': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::NetworkAcl': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::RouteTable': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::SecurityGroup': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::Subnet': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::VPC': { property: 'Tags', variant: 'standard' },
  'AWS::EC2::VPCEndpoint': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::Listener': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { property: 'Tags', variant: 'standard' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { property: 'Tags', variant: 'standard' },
  'AWS::IAM::Role': { property: 'Tags', variant: 'standard' },
  'AWS::KMS::Key': { property: 'Tags', variant: 'standard' },
  'AWS::Logs::LogGroup': { property: 'Tags', variant: 'standard' },
  'AWS::S3::Bucket': { property: 'Tags', variant: 'standard' },
  'AWS::SNS::Topic': { property: 'Tags', variant: 'standard' },
  'AWS::SSM::Parameter': { property: 'Tags', variant: 'map' },
};
