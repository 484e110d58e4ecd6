/**
 * Runs `fn` at most once at a time and shares its promise with every caller: once per process
 * for a migration. A failure is forgotten, so the next call runs it again; `reset` forgets a
 * success too (the work must be redone).
 */
export function onceUntilFailure<T>(fn: () => Promise<T>): { run(): Promise<T>; reset(): void } {
  let running: Promise<T> | undefined;
  return {
    run() {
      running ??= fn().catch((error: unknown) => {
        running = undefined;
        throw error;
      });
      return running;
    },
    reset() {
      running = undefined;
    },
  };
}
