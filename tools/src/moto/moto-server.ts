import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { freePort } from '../local-stack/free-port';
import { supervise } from '../local-stack/supervised-process';

/** The moto release the deploy end-to-end test and the GitHub workflow are written against. */
export const MOTO_VERSION = '5.2.1';

export class MissingMotoError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(
      `The AWS emulator moto ${MOTO_VERSION} with its server is needed (${detail}). Install it with ` +
        `"python3 -m pip install 'moto[server]==${MOTO_VERSION}'" (CI does).`,
      options,
    );
    this.name = 'MissingMotoError';
  }
}

export interface MotoServerOptions {
  /** Defaults to a free loopback port. */
  port?: number;
  /** Defaults to the first `python3` on PATH that has moto (see findMotoPython). */
  python?: string;
  /** How long to wait for the first answer. */
  startTimeoutMs?: number;
}

export interface MotoServer {
  /** `http://127.0.0.1:<port>`: give it to the SDK as AWS_ENDPOINT_URL or `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  readonly version: string;
  readonly process: ChildProcess;
  /** Everything moto printed so far (its request log and Python warnings), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The interpreter to run moto with: MOTO_PYTHON if set, else the first `python3` on PATH that can
 * import moto. Not simply the first `python3`: npm puts the directory of its node binary first on
 * PATH (`/usr/bin` here), which hides a pyenv or virtualenv interpreter behind the system one.
 */
export function findMotoPython(env: NodeJS.ProcessEnv = process.env): string {
  if (env['MOTO_PYTHON']) return env['MOTO_PYTHON'];
  const candidates = [
    ...new Set(
      (env['PATH'] ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, 'python3')),
    ),
  ].filter((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  const withMoto = candidates.find(
    (file) => spawnSync(file, ['-c', 'import moto'], { stdio: 'ignore' }).status === 0,
  );
  return withMoto ?? 'python3';
}

/** Returns moto's version, or throws MissingMotoError with what to install. */
export function assertMotoInstalled(python = findMotoPython()): string {
  const result = spawnSync(
    python,
    ['-c', 'import moto, moto.server, flask, werkzeug; print(moto.__version__)'],
    { encoding: 'utf8' },
  );
  if (result.error) {
    throw new MissingMotoError(`"${python}" was not found on PATH`, { cause: result.error });
  }
  if (result.status !== 0) {
    const reason = result.stderr.trim().split('\n').at(-1) ?? `exit code ${result.status}`;
    throw new MissingMotoError(`${python} could not import it: ${reason}`);
  }
  return result.stdout.trim();
}

/** Resolves once moto answers HTTP on the endpoint (its /moto-api/ is there whatever services are used). */
export async function waitForMoto(
  endpoint: string,
  timeoutMs: number,
  exited?: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      await response.body?.cancel();
      return;
    } catch (error) {
      if (exited?.()) throw new Error('moto exited before it answered', { cause: error });
      if (Date.now() > deadline) {
        throw new Error(`moto did not answer on ${endpoint} within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Starts moto's server (`python3 -m moto.server`) on loopback only and resolves once it answers.
 * Every AWS service moto emulates is on the one endpoint; state lives in the process and is gone
 * when it stops.
 */
export async function startMotoServer(options: MotoServerOptions = {}): Promise<MotoServer> {
  const python = options.python ?? findMotoPython();
  const version = assertMotoInstalled(python);
  const port = options.port ?? (await freePort());
  const child = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Unbuffered, so that the output kept for error messages is current.
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const supervised = supervise(child, 20_000);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => supervised.stop();
  await supervised.ready((exited) =>
    waitForMoto(endpoint, options.startTimeoutMs ?? 30_000, exited),
  );
  return { endpoint, port, version, process: child, output: supervised.output, stop };
}
