/** Deployment environments. `local` is the laptop stack (DynamoDB Local); the others are AWS accounts/regions. */
export const ENVIRONMENTS = ['local', 'dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Environments that have CloudFormation stacks. */
export const CLOUD_ENVIRONMENTS = [
  'dev',
  'staging',
  'prod',
] as const satisfies readonly Environment[];
export type CloudEnvironment = (typeof CLOUD_ENVIRONMENTS)[number];

export function isEnvironment(value: string): value is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

export function isCloudEnvironment(value: string): value is CloudEnvironment {
  return (CLOUD_ENVIRONMENTS as readonly string[]).includes(value);
}
