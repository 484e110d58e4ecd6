import type { Environment } from '@mini-ecommerce/stack-model';
import type { AwsClients } from './aws-clients';
import type { CliOptions } from './args';
import type { Reporter } from './reporter';
import type { Timing } from './timing';

/** Everything a command needs, built once by the CLI and built with fakes by the tests. */
export interface DeployContext {
  readonly env: Environment;
  readonly region: string;
  readonly account: string;
  /** The caller's ARN from STS GetCallerIdentity: the deployer the stacks let write releases. */
  readonly callerArn: string;
  /**
   * The CloudFormation service role of the bootstrap stack (issue 16 item 7), passed as RoleARN
   * on every change set and stack deletion; undefined until the environment is bootstrapped.
   */
  readonly serviceRoleArn?: string;
  readonly clients: AwsClients;
  readonly reporter: Reporter;
  readonly timing: Timing;
  readonly options: CliOptions;
  /** Asks a yes/no question; the CLI refuses when there is no terminal and no --yes. */
  readonly confirm: (question: string) => Promise<boolean>;
  /** The workspace root; templates are read from `<root>/infrastructure`. */
  readonly workspaceRoot: string;
}
