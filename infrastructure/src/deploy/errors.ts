/**
 * An error whose message is meant for the operator as is: the CLI prints it without a stack
 * trace and exits non-zero. Everything else reaching the top level is a bug and keeps its trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** Extra lines printed under the message (failed resources, command output). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
