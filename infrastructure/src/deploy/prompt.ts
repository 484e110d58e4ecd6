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
    const answer = await askLine(input, output, `${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  };
}

/** Asks for a value (the guided first deploy); `interactive` says whether anyone can answer. */
export interface Asker {
  readonly interactive: boolean;
  ask(question: string): Promise<string>;
}

export function terminalAsk(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
): Asker {
  return {
    interactive: Boolean(input.isTTY),
    ask: (question) => askLine(input, output, `${question} `),
  };
}

async function askLine(
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
  prompt: string,
): Promise<string> {
  const readline = createInterface({ input, output });
  try {
    return await readline.question(prompt);
  } finally {
    readline.close();
  }
}
