import { apiDeployCommand } from './api-deploy-command';
import type { Command } from './args';
import { bootstrapCommand } from './bootstrap-command';
import type { DeployContext } from './context';
import { terminalAsk, type Asker } from './prompt';
import { withSavedEnvironment } from './saved-environment';
import { statusCommand } from './status-command';
import { deployCommand, diffCommand } from './deploy-command';
import { destroyCommand } from './destroy-command';
import { rotateSecretCommand } from './rotate-secret-command';
import { webDeployCommand } from './web-deploy-command';

/** What a command may ask the operator besides yes/no (the guided first deploy). */
export interface CommandIo {
  readonly ask: Asker;
}

/** The commands that run on the context as it is, without the saved environment. */
const CONTEXT_COMMANDS: Record<
  Exclude<Command, 'deploy' | 'diff'>,
  (ctx: DeployContext) => Promise<void>
> = {
  destroy: destroyCommand,
  'api-deploy': apiDeployCommand,
  'web-deploy': webDeployCommand,
  'rotate-secret': rotateSecretCommand,
  status: statusCommand,
  bootstrap: bootstrapCommand,
};

export async function runCommand(
  ctx: DeployContext,
  io: CommandIo = { ask: terminalAsk() },
): Promise<void> {
  const { command } = ctx.options;
  switch (command) {
    case 'deploy':
      // A dry run plans with what is known and never asks or writes the saved environment.
      return deployCommand(
        await withSavedEnvironment(ctx, io.ask, { guided: !ctx.options.dryRun }),
      );
    case 'diff':
      return diffCommand(await withSavedEnvironment(ctx, io.ask, { guided: false }));
    default:
      return CONTEXT_COMMANDS[command](ctx);
  }
}
