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

/** `mini-ecommerce-<env>-main`, `...-database`, `...-ec2`, `...-monitoring`. */
export function stackName(env: Environment, key: StackKey): string {
  return resourceName(env, key);
}

/**
 * Names of the values the stacks export. The export name is `mini-ecommerce-<env>-<name>`,
 * independent of the stack name, so an importer needs only the environment.
 */
export const EXPORTS = {
  vpcId: 'vpc-id',
  vpcCidr: 'vpc-cidr',
  publicSubnetId: 'public-subnet-id',
  publicSubnet2Id: 'public-subnet-2-id',
  privateSubnetId: 'private-subnet-id',
  privateSubnet2Id: 'private-subnet-2-id',
  ec2SecurityGroupId: 'ec2-security-group-id',
  databaseSecurityGroupId: 'database-security-group-id',
  logsKeyArn: 'logs-key-arn',
  websiteBucketName: 'website-bucket-name',
  websiteBucketArn: 'website-bucket-arn',
  imagesBucketName: 'images-bucket-name',
  imagesBucketArn: 'images-bucket-arn',
  artifactsBucketName: 'artifacts-bucket-name',
  artifactsBucketArn: 'artifacts-bucket-arn',
  accessLogsBucketName: 'access-logs-bucket-name',
  distributionId: 'distribution-id',
  distributionDomainName: 'distribution-domain-name',
  websiteUrl: 'website-url',
  productsTableName: 'products-table-name',
  productsTableArn: 'products-table-arn',
  usersTableName: 'users-table-name',
  usersTableArn: 'users-table-arn',
  ordersTableName: 'orders-table-name',
  ordersTableArn: 'orders-table-arn',
  cartTableName: 'cart-table-name',
  cartTableArn: 'cart-table-arn',
  instanceRoleArn: 'instance-role-arn',
  instanceId: 'instance-id',
  autoScalingGroupName: 'auto-scaling-group-name',
  loadBalancerDnsName: 'load-balancer-dns-name',
  loadBalancerFullName: 'load-balancer-full-name',
  targetGroupFullName: 'target-group-full-name',
  apiUrl: 'api-url',
  applicationLogGroupName: 'application-log-group-name',
  alarmTopicArn: 'alarm-topic-arn',
} as const;
export type ExportKey = keyof typeof EXPORTS;

export function exportName(env: Environment, key: ExportKey): string {
  return resourceName(env, EXPORTS[key]);
}

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
 * sorting by time. `nx run api:deploy` uploads there; a booting instance installs the newest.
 */
export function apiReleasePrefix(env: Environment): string {
  return `api/${env}/`;
}

/** SSM parameters under `parameterPath(env)` that configure the API on the instance. */
export const APP_PARAMETERS = {
  appEnv: 'app-env',
  imagesBucket: 'images-bucket',
  webOrigin: 'web-origin',
  artifactsBucket: 'artifacts-bucket',
  logLevel: 'log-level',
  /** SecureString, created once by `nx run api:deploy` (CloudFormation cannot create SecureStrings). */
  jwtSecret: 'jwt-secret',
} as const;
export type AppParameterKey = keyof typeof APP_PARAMETERS;

export function appParameterName(env: Environment, key: AppParameterKey): string {
  return `${parameterPath(env)}/${APP_PARAMETERS[key]}`;
}

/** CloudWatch Logs group names: `/mini-ecommerce/<env>/<name>`. */
export function logGroupName(env: Environment, name: string): string {
  return `/${PROJECT_NAME}/${env}/${name}`;
}
