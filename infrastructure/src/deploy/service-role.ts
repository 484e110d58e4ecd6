import { STACK_OUTPUTS, type Environment } from '@mini-ecommerce/stack-model';
import type { CliOptions } from './args';
import type { AwsClients } from './aws-clients';
import { UserError } from './errors';
import type { Reporter } from './reporter';
import { describeStack, stackOutputs } from './stack-state';
import { BOOTSTRAP_STACK_ID, stackName } from './stacks';

/** The commands that have CloudFormation create, change or delete stacks: they pass the role. */
const ROLE_COMMANDS: ReadonlySet<CliOptions['command']> = new Set(['deploy', 'diff', 'destroy']);

/**
 * The CloudFormation service role of the environment (the bootstrap stack's output), or undefined
 * when the environment is not bootstrapped (no bootstrap stack, or one without the output).
 * Undefined without asking CloudFormation for commands that do not pass the role (and for
 * `bootstrap`, which deploys the role with the caller's own rights). A command that does, in an
 * environment not bootstrapped, goes on with the caller's rights after one warning, except
 * `deploy` and `destroy` in prod, which refuse: prod stacks are only ever changed by the role, so
 * what CloudFormation may do there is exactly what docs/deploy-permissions.md says.
 */
export async function resolveServiceRoleArn(
  clients: Pick<AwsClients, 'cloudFormation'>,
  env: Environment,
  use: { readonly command: CliOptions['command']; readonly reporter: Reporter },
): Promise<string | undefined> {
  if (!ROLE_COMMANDS.has(use.command)) return undefined;
  const name = stackName(env, BOOTSTRAP_STACK_ID);
  const stack = await describeStack(clients.cloudFormation, name);
  const arn = stackOutputs(stack)[STACK_OUTPUTS.cloudFormationServiceRoleArn.output];
  if (arn) return arn;
  const state = stack ? `is in ${stack.StackStatus} without the role` : 'does not exist';
  const bootstrap = `nx run infra:bootstrap --env ${env}`;
  if (env === 'prod' && use.command !== 'diff') {
    throw new UserError(
      `${name} ${state}: prod stacks are deployed and destroyed only with its CloudFormation service role. Run \`${bootstrap}\` first.`,
    );
  }
  use.reporter.warn(
    `${name} ${state}: CloudFormation runs with your own rights. Run \`${bootstrap}\` to deploy with the least-privilege service role.`,
  );
  return undefined;
}
