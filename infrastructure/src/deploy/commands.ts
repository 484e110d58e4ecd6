import { apiDeployCommand } from './api-deploy-command';
import type { DeployContext } from './context';
import { UserError } from './errors';
import { deployCommand, diffCommand } from './deploy-command';
import { destroyCommand } from './destroy-command';
import { rotateSecretCommand } from './rotate-secret-command';
import { webDeployCommand } from './web-deploy-command';

export async function runCommand(ctx: DeployContext): Promise<void> {
  switch (ctx.options.command) {
    case 'deploy':
      return deployCommand(ctx);
    case 'diff':
      return diffCommand(ctx);
    case 'destroy':
      return destroyCommand(ctx);
    case 'api-deploy':
      return apiDeployCommand(ctx);
    case 'web-deploy':
      return webDeployCommand(ctx);
    case 'rotate-secret':
      return rotateSecretCommand(ctx);
    case 'status':
      // infra:status (issue 14): replaced by its command module.
      throw new UserError('infra:status is not built yet.');
    case 'bootstrap':
      // infra:bootstrap (issue 16 item 7): replaced by its command module.
      throw new UserError('infra:bootstrap is not built yet.');
  }
}
