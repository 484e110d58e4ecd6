import { createInterface } from 'node:readline/promises';
import { UserError } from './errors';

/**
 * Asks on the terminal. Without one (CI, a pipe) there is nobody to answer, so the command
 * refuses rather than hang or assume yes.
 */
export function terminalConfirm(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
) {
  return async (question: string): Promise<boolean> => {
    if (!input.isTTY) {
      throw new UserError(
        `${question} There is no terminal to ask on: re-run with --yes to approve, or --dry-run to only look.`,
      );
    }
    const readline = createInterface({ input, output });
    try {
      const answer = await readline.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      readline.close();
    }
  };
}
