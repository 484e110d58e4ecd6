import type { ChildProcess } from 'node:child_process';

export interface SupervisedProcess {
  /** The last `keepChars` characters the process printed, for failure messages. */
  output(): string;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. Idempotent. */
  stop(): Promise<void>;
  /**
   * Waits for `check` (which polls the server and gives up when the process has exited); on
   * failure stops the process and throws with the tail of its output.
   */
  ready(check: (hasExited: () => boolean) => Promise<void>): Promise<void>;
}

/**
 * Keeps the tail of a server process's output, tracks its exit, and makes sure it dies with this
 * process: the one lifecycle DynamoDB Local and moto share.
 */
export function supervise(child: ChildProcess, keepChars: number): SupervisedProcess {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keepChars);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitPromise = new Promise<void>((resolveExit) =>
    child.once('exit', () => {
      exited = true;
      resolveExit();
    }),
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const supervised: SupervisedProcess = {
    output: () => output,
    hasExited: () => exited,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitPromise;
      clearTimeout(timer);
    },
    async ready(check) {
      try {
        await check(() => exited);
      } catch (error) {
        await supervised.stop();
        throw new Error(`${(error as Error).message}\n${output.trim()}`, { cause: error });
      }
    },
  };
  return supervised;
}
