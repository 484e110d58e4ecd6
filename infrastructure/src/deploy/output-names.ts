import { STACK_OUTPUTS, STACK_PARAMETERS } from '@mini-ecommerce/stack-model';

/**
 * The stack outputs the deploy commands read: the contract's own table (libs/stack-model), so a
 * renamed output cannot leave a reader behind. `contract.test.ts` checks each against the YAML.
 */
export const OUTPUTS = STACK_OUTPUTS;
export type OutputName = keyof typeof OUTPUTS;

/** Main-stack parameter: the API host CloudFront forwards /api/* to (empty until ec2 exists). */
export const API_ORIGIN_PARAMETER = STACK_PARAMETERS.apiOriginDomain;
export const API_ORIGIN_PORT_PARAMETER = STACK_PARAMETERS.apiOriginPort;
/** Main-stack parameter: outside dev, the private API origin CloudFront reaches through a VPC origin. */
export const API_ORIGIN_ARN_PARAMETER = STACK_PARAMETERS.apiOriginArn;
