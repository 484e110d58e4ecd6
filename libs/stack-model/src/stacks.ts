import type { Environment } from './environments';
import { PROJECT_NAME, parameterPath, resourceName } from './naming';

/** The four CloudFormation stacks, in deployment order (each may import from the ones before it). */
export const STACK_KEYS = ['main', 'database', 'ec2', 'monitoring'] as const;
export type StackKey = (typeof STACK_KEYS)[number];

/** Committed template file of each stack, relative to `infrastructure/`. */
export const STACK_TEMPLATE_FILES: { readonly [K in StackKey]: string } = {
  main: 'main-stack.yml',
  database: 'database-simple.yml',
  ec2: 'ec2-stack.yml',
  monitoring: 'monitoring-stack.yml',
};

/**
 * The per-environment bootstrap stack (`nx run infra:bootstrap --env <env>`, like `cdk bootstrap`):
 * the CloudFormation service role the four stacks are deployed with. Deployed once before them and
 * never by `infra:deploy`, which only reads its output.
 */
export const BOOTSTRAP_STACK_KEY = 'bootstrap';
export type BootstrapStackKey = typeof BOOTSTRAP_STACK_KEY;
/** Any stack of an environment: the four and the bootstrap stack. */
export type AnyStackKey = StackKey | BootstrapStackKey;
export const BOOTSTRAP_TEMPLATE_FILE = 'bootstrap-stack.yml';

/** `mini-ecommerce-<env>-main`, `...-database`, `...-ec2`, `...-monitoring`, `...-bootstrap`. */
export function stackName(env: Environment, key: AnyStackKey): string {
  return resourceName(env, key);
}

/**
 * Every stack output: the stack that declares it, its output key, and the name it is exported
 * under (`mini-ecommerce-<env>-<export>`, independent of the stack name, so an importer needs
 * only the environment). Generators declare outputs from this table and the deploy commands read
 * them by the same keys; `contract.test.ts` in infrastructure holds the committed YAML to it.
 */
export const STACK_OUTPUTS = {
  vpcId: { stack: 'main', output: 'VpcId', export: 'vpc-id' },
  vpcCidr: { stack: 'main', output: 'VpcCidr', export: 'vpc-cidr' },
  publicSubnetId: { stack: 'main', output: 'PublicSubnetId', export: 'public-subnet-id' },
  publicSubnet2Id: { stack: 'main', output: 'PublicSubnet2Id', export: 'public-subnet-2-id' },
  privateSubnetId: { stack: 'main', output: 'PrivateSubnetId', export: 'private-subnet-id' },
  privateSubnet2Id: { stack: 'main', output: 'PrivateSubnet2Id', export: 'private-subnet-2-id' },
  ec2SecurityGroupId: {
    stack: 'main',
    output: 'Ec2SecurityGroupId',
    export: 'ec2-security-group-id',
  },
  databaseSecurityGroupId: {
    stack: 'main',
    output: 'DatabaseSecurityGroupId',
    export: 'database-security-group-id',
  },
  cloudFrontPrefixListId: {
    stack: 'main',
    output: 'CloudFrontPrefixListId',
    export: 'cloudfront-prefix-list-id',
  },
  logsKeyArn: { stack: 'main', output: 'LogsKeyArn', export: 'logs-key-arn' },
  websiteBucketName: { stack: 'main', output: 'WebsiteBucketName', export: 'website-bucket-name' },
  websiteBucketArn: { stack: 'main', output: 'WebsiteBucketArn', export: 'website-bucket-arn' },
  imagesBucketName: { stack: 'main', output: 'ImagesBucketName', export: 'images-bucket-name' },
  imagesBucketArn: { stack: 'main', output: 'ImagesBucketArn', export: 'images-bucket-arn' },
  artifactsBucketName: {
    stack: 'main',
    output: 'ArtifactsBucketName',
    export: 'artifacts-bucket-name',
  },
  artifactsBucketArn: {
    stack: 'main',
    output: 'ArtifactsBucketArn',
    export: 'artifacts-bucket-arn',
  },
  accessLogsBucketName: {
    stack: 'main',
    output: 'AccessLogsBucketName',
    export: 'access-logs-bucket-name',
  },
  distributionId: { stack: 'main', output: 'DistributionId', export: 'distribution-id' },
  distributionDomainName: {
    stack: 'main',
    output: 'DistributionDomainName',
    export: 'distribution-domain-name',
  },
  websiteUrl: { stack: 'main', output: 'WebsiteUrl', export: 'website-url' },
  productsTableName: {
    stack: 'database',
    output: 'ProductsTableName',
    export: 'products-table-name',
  },
  productsTableArn: { stack: 'database', output: 'ProductsTableArn', export: 'products-table-arn' },
  usersTableName: { stack: 'database', output: 'UsersTableName', export: 'users-table-name' },
  usersTableArn: { stack: 'database', output: 'UsersTableArn', export: 'users-table-arn' },
  ordersTableName: { stack: 'database', output: 'OrdersTableName', export: 'orders-table-name' },
  ordersTableArn: { stack: 'database', output: 'OrdersTableArn', export: 'orders-table-arn' },
  cartTableName: { stack: 'database', output: 'CartTableName', export: 'cart-table-name' },
  cartTableArn: { stack: 'database', output: 'CartTableArn', export: 'cart-table-arn' },
  instanceRoleArn: { stack: 'ec2', output: 'InstanceRoleArn', export: 'instance-role-arn' },
  /**
   * The customer-managed key of the JWT secret: only the instance role may decrypt with it, and
   * only that parameter (encryption context). `api:deploy` and `api:rotate-secret` encrypt with it.
   */
  jwtSecretKeyArn: { stack: 'ec2', output: 'JwtSecretKeyArn' },
  /** The AMI the instances were launched from (the LatestAmiId parameter as resolved on this deploy). */
  amiId: { stack: 'ec2', output: 'AmiId' },
  /**
   * Not exported: an exported value cannot change while another stack imports it, and the
   * instance id changes with every replacement (new AMI, new user data, auto scaling toggled).
   * `infra:deploy` passes it to the monitoring stack as a parameter instead.
   */
  instanceId: { stack: 'ec2', output: 'InstanceId' },
  autoScalingGroupName: { stack: 'ec2', output: 'AutoScalingGroupName' },
  loadBalancerFullName: { stack: 'ec2', output: 'LoadBalancerFullName' },
  targetGroupFullName: { stack: 'ec2', output: 'TargetGroupFullName' },
  loadBalancerDnsName: { stack: 'ec2', output: 'LoadBalancerDnsName' },
  apiUrl: { stack: 'ec2', output: 'ApiUrl' },
  /**
   * Outside dev: the ARN of the private API origin (the instance, or the internal load balancer)
   * CloudFront reaches through a VPC origin; `none` in dev, where CloudFront reaches ApiUrl.
   */
  apiOriginArn: { stack: 'ec2', output: 'ApiOriginArn' },
  applicationLogGroupName: {
    stack: 'ec2',
    output: 'ApplicationLogGroupName',
    export: 'application-log-group-name',
  },
  alarmTopicArn: { stack: 'monitoring', output: 'AlarmTopicArn', export: 'alarm-topic-arn' },
  /**
   * The role CloudFormation assumes to create, update and delete the four stacks' resources; the
   * deploy commands pass it as RoleARN. Not exported: no template imports it.
   */
  cloudFormationServiceRoleArn: { stack: 'bootstrap', output: 'CloudFormationServiceRoleArn' },
} as const satisfies Record<string, { stack: AnyStackKey; output: string; export?: string }>;
export type OutputKey = keyof typeof STACK_OUTPUTS;

/** The outputs other stacks import. */
export type ExportKey = {
  [K in OutputKey]: (typeof STACK_OUTPUTS)[K] extends { export: string } ? K : never;
}[OutputKey];

export function exportName(env: Environment, key: ExportKey): string {
  return resourceName(env, (STACK_OUTPUTS[key] as { export: string }).export);
}

/** Output keys of one stack, in the order the table lists them. */
export function outputsOfStack(stack: AnyStackKey): OutputKey[] {
  return (Object.keys(STACK_OUTPUTS) as OutputKey[]).filter(
    (key) => STACK_OUTPUTS[key].stack === stack,
  );
}

/**
 * Template parameter names. The deploy commands set some of them (`Environment` from --env,
 * the API origin and the CloudFront prefix list on main, the instance id on monitoring).
 */
export const STACK_PARAMETERS = {
  environment: 'Environment',
  sshCidr: 'SshCidr',
  natGatewayMode: 'NatGatewayMode',
  webOrigin: 'WebOrigin',
  apiOriginDomain: 'ApiOriginDomain',
  apiOriginPort: 'ApiOriginPort',
  apiOriginArn: 'ApiOriginArn',
  cloudFrontPrefixListId: 'CloudFrontPrefixListId',
  instanceType: 'InstanceType',
  latestAmiId: 'LatestAmiId',
  enableAutoScaling: 'EnableAutoScaling',
  asgMinSize: 'AsgMinSize',
  asgMaxSize: 'AsgMaxSize',
  allocateElasticIp: 'AllocateElasticIp',
  logLevel: 'LogLevel',
  alarmEmail: 'AlarmEmail',
  alarmSmsNumber: 'AlarmSmsNumber',
  enableCloudTrail: 'EnableCloudTrail',
  instanceId: 'InstanceId',
  autoScalingGroupName: 'AutoScalingGroupName',
  loadBalancerFullName: 'LoadBalancerFullName',
  targetGroupFullName: 'TargetGroupFullName',
  /**
   * Who may write API releases (the artifacts bucket policy) and encrypt the JWT secret (its key
   * policy): `aws:PrincipalArn` patterns of the deployer. `infra:deploy` fills it from STS
   * GetCallerIdentity unless --parameters gives it.
   */
  deployerPrincipalArns: 'DeployerPrincipalArns',
} as const;
export type ParameterKey = keyof typeof STACK_PARAMETERS;

/**
 * Parameters `infra:deploy` fills from an earlier stack's outputs rather than through
 * Fn::ImportValue: values that change when the instance is replaced or auto scaling is toggled,
 * which an export could not (CloudFormation refuses to change an export another stack imports).
 */
export const STACK_INPUTS = {
  monitoring: {
    instanceId: 'instanceId',
    autoScalingGroupName: 'autoScalingGroupName',
    loadBalancerFullName: 'loadBalancerFullName',
    targetGroupFullName: 'targetGroupFullName',
  },
} as const satisfies Partial<Record<StackKey, Partial<Record<ParameterKey, OutputKey>>>>;

/** Template condition names shared by more than one stack or read outside the generators. */
export const STACK_CONDITIONS = {
  isProd: 'IsProd',
  useAutoScaling: 'UseAutoScaling',
  useSingleInstance: 'UseSingleInstance',
  useElasticIp: 'UseElasticIp',
  hasWebOrigin: 'HasWebOrigin',
  hasApiOrigin: 'HasApiOrigin',
  hasVpcOrigin: 'HasVpcOrigin',
  privateApi: 'PrivateApi',
  hasSshCidr: 'HasSshCidr',
  createNatGateway: 'CreateNatGateway',
  hasEmail: 'HasEmail',
  hasSms: 'HasSms',
  createTrail: 'CreateTrail',
} as const;

/** Application buckets. Physical names append the account id because bucket names are global. */
export const BUCKETS = {
  website: 'website',
  images: 'images',
  artifacts: 'artifacts',
  accessLogs: 'access-logs',
  cloudTrail: 'cloudtrail',
} as const;
export type BucketKey = keyof typeof BUCKETS;

export function bucketName(env: Environment, key: BucketKey, accountId: string): string {
  return resourceName(env, `${BUCKETS[key]}-${accountId}`);
}

/** Key prefix of product images in the images bucket; CloudFront serves them at `https://<distribution>/images/...`. */
export const IMAGES_KEY_PREFIX = 'images/';

/**
 * Key prefix of the API releases in the artifacts bucket: `api/<env>/<releaseId>/...`, release ids
 * sorting by time. `nx run api:deploy` uploads there; a booting instance installs the release the
 * `apiRelease` parameter names, never simply the newest prefix.
 */
export function apiReleasePrefix(env: Environment): string {
  return `${API_RELEASES_KEY_PREFIX}${env}/`;
}
/** Where every API release lives in the artifacts bucket; only the deployer may write under it. */
export const API_RELEASES_KEY_PREFIX = 'api/';

/** SSM parameters under `parameterPath(env)` that configure the API on the instance. */
export const APP_PARAMETERS = {
  appEnv: 'app-env',
  imagesBucket: 'images-bucket',
  webOrigin: 'web-origin',
  artifactsBucket: 'artifacts-bucket',
  logLevel: 'log-level',
  /** SecureString, created once by `nx run api:deploy` (CloudFormation cannot create SecureStrings). */
  jwtSecret: 'jwt-secret',
  /**
   * The release that passed its readiness gate, written by `nx run api:deploy` only after the
   * gate, as JSON `{"releaseId":...,"checksumsSha256":...}` (the SHA-256 of the release's
   * SHA256SUMS): a booting instance installs exactly this release and trusts nothing in the
   * bucket that this digest does not vouch for.
   */
  apiRelease: 'api-release',
} as const;
export type AppParameterKey = keyof typeof APP_PARAMETERS;

export function appParameterName(env: Environment, key: AppParameterKey): string {
  return `${parameterPath(env)}/${APP_PARAMETERS[key]}`;
}

/** CloudWatch Logs group names: `/mini-ecommerce/<env>/<name>`. */
export function logGroupName(env: Environment, name: string): string {
  return `/${PROJECT_NAME}/${env}/${name}`;
}
