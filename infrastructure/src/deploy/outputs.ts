import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Environment } from '@mini-ecommerce/stack-model';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { OUTPUTS, type OutputName } from './output-names';
import { describeStack, stackOutputs } from './stack-state';
import { stackName, type StackId } from './stacks';

export function outputsFile(workspaceRoot: string, env: Environment): string {
  return path.join(workspaceRoot, 'infrastructure', 'outputs', `${env}.json`);
}

/** Saved for humans and scripts (git-ignored); the deploy commands read CloudFormation, the source of truth. */
export async function saveOutputs(
  workspaceRoot: string,
  env: Environment,
  region: string,
  outputs: Readonly<Partial<Record<StackId, Record<string, string>>>>,
): Promise<string> {
  const file = outputsFile(workspaceRoot, env);
  await mkdir(path.dirname(file), { recursive: true });
  const body = { environment: env, region, savedAt: new Date().toISOString(), stacks: outputs };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

/** Reads stack outputs once per stack per command. */
export class StackOutputs {
  private readonly cache = new Map<StackId, Promise<Record<string, string> | undefined>>();

  constructor(private readonly ctx: DeployContext) {}

  async get(name: OutputName): Promise<string> {
    const { stack, output: key } = OUTPUTS[name];
    const outputs = await this.forStack(stack);
    const fullName = stackName(this.ctx.env, stack);
    if (!outputs) {
      throw new UserError(
        `Stack ${fullName} is not deployed in ${this.ctx.region}: run \`nx run infra:deploy --env ${this.ctx.env}\` first.`,
      );
    }
    const value = outputs[key];
    if (value === undefined) {
      throw new UserError(
        `Stack ${fullName} has no output "${key}" (it has: ${Object.keys(outputs).sort().join(', ') || 'none'}): redeploy the stack with the current templates.`,
      );
    }
    return value;
  }

  /** For values the API can run without (it then disables the feature): undefined when absent. */
  async optional(name: OutputName): Promise<string | undefined> {
    const { stack, output: key } = OUTPUTS[name];
    return (await this.forStack(stack))?.[key];
  }

  forStack(id: StackId): Promise<Record<string, string> | undefined> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = describeStack(this.ctx.clients.cloudFormation, stackName(this.ctx.env, id)).then(
        (stack) => (stack ? stackOutputs(stack) : undefined),
      );
      this.cache.set(id, pending);
    }
    return pending;
  }
}
