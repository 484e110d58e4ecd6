import { MARKERS, reloadScript } from './api/remote-scripts';
import { markerValue, readinessGate, tail } from './api-deploy-command';
import { jwtSecretName, rotateJwtSecret } from './api/jwt-secret';
import { findInstances, runOnInstance } from './api/run-command';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { StackOutputs } from './outputs';
import { stackName } from './stacks';

/**
 * `api:rotate-secret`: a new random JWT signing secret under the ec2 stack's JwtSecretKey, then
 * every instance writes its environment again and reloads, gated on /health/ready one by one.
 * Every token signed with the old secret stops working: every shopper and admin signs in again.
 */
export async function rotateSecretCommand(ctx: DeployContext): Promise<void> {
  const { reporter, env, clients } = ctx;
  const outputs = new StackOutputs(ctx);
  const keyArn = await outputs.get('jwtSecretKeyArn');
  const instances = await findInstances(ctx, stackName(env, 'ec2'));
  const name = jwtSecretName(env);
  const question = `Rotate ${name} and reload the API on ${instances.length} instance(s)? Every signed-in shopper and admin of ${env} is signed out.`;
  if (!ctx.options.yes && !(await ctx.confirm(question))) {
    throw new UserError('Nothing rotated.');
  }
  await rotateJwtSecret(clients.ssm, env, keyArn);
  reporter.line(`  ${name}: new random value, SecureString under ${keyArn}`);
  for (const instance of instances) {
    const id = instance.InstanceId as string;
    reporter.heading(`${id}: reload with the new secret`);
    const reload = await runOnInstance(
      ctx,
      id,
      `mini-ecommerce ${env}: reload with a rotated JWT secret`,
      reloadScript({ env, region: ctx.region }),
    );
    const reloaded = reload.succeeded && markerValue(reload.output, MARKERS.active) !== undefined;
    const gate = reloaded ? await readinessGate(ctx, id, 'gate after rotation') : undefined;
    if (!gate?.ready) {
      throw new UserError(
        `The JWT secret was rotated, but ${id} did not come back ready with it: instances not reloaded yet still sign with the old secret. Check ${id}, then run nx run api:rotate-secret --env ${env} again or nx run api:deploy --env ${env}.`,
        tail((gate ?? reload).output),
      );
    }
    reporter.success(`${id}: /health/ready answers 200 with the new secret`);
  }
  reporter.line();
  reporter.success(`JWT secret of ${env} rotated; ${instances.length} instance(s) reloaded.`);
}
