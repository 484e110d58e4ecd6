import { apiDeployCommand } from './api-deploy-command';
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

export async function runCommand(
  ctx: DeployContext,
  io: CommandIo = { ask: terminalAsk() },
): Promise<void> {
  switch (ctx.options.command) {
    case 'deploy':
      // A dry run plans with what is known and never asks or writes the saved environment.
      return deployCommand(
        await withSavedEnvironment(ctx, io.ask, { guided: !ctx.options.dryRun }),
      );
    case 'diff':
      return diffCommand(await withSavedEnvironment(ctx, io.ask, { guided: false }));
    case 'destroy':
      return destroyCommand(ctx);
    case 'api-deploy':
      return apiDeployCommand(ctx);
    case 'web-deploy':
      return webDeployCommand(ctx);
    case 'rotate-secret':
      return rotateSecretCommand(ctx);
    case 'status':
      return statusCommand(ctx);
    case 'bootstrap':
      return bootstrapCommand(ctx);
  }
}
