import type { Environment } from './environments';

export const PROJECT_NAME = 'mini-ecommerce';
export const COST_CENTER = 'mini-ecommerce';

/** `mini-ecommerce-<env>-<name>`: the one naming rule for stacks, tables, buckets and parameters. */
export function resourceName(env: Environment, name: string): string {
  return `${PROJECT_NAME}-${env}-${name}`;
}

/** SSM parameter path prefix for an environment's application configuration. */
export function parameterPath(env: Environment): string {
  return `/${PROJECT_NAME}/${env}`;
}

/** The tags every resource and stack carries. */
export function standardTags(env: Environment): { Key: string; Value: string }[] {
  return [
    { Key: 'Project', Value: PROJECT_NAME },
    { Key: 'Environment', Value: env },
    { Key: 'CostCenter', Value: COST_CENTER },
  ];
}
