/**
 * `npm start`: the whole shop on one port. Starts DynamoDB Local (unless DYNAMODB_ENDPOINT is set
 * or APP_ENV names a deployed environment), creates the tables from the stack model, seeds the
 * demo catalog when empty, builds the storefront when its build is missing or stale, then runs
 * the API (which serves the storefront) and prints the URL. Ctrl-C stops everything it started.
 * `npm start -- --no-demo-data` starts without seeding the demo catalog.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDataLayer,
  isUnavailableError,
  provisionTables,
  tableNamesFor,
} from '@mini-ecommerce/data';
import {
  API_NODE_FLAGS,
  API_PORT,
  LOCAL_DEFAULTS,
  isEnvironment,
} from '@mini-ecommerce/stack-model';
import { startDynamoDbLocal, type DynamoDbLocal } from './local-stack/dynamodb-local';
import { MissingJavaError } from './local-stack/java';
import { buildWeb, webBuildIsStale } from './local-stack/web-build';
import { seedCatalogIfEmpty } from './seed/catalog';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const started = Date.now();
const step = (message: string) =>
  console.log(`[start +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const DEFAULT_ADMIN = { email: 'admin@example.com', password: 'admin-password' };

const USAGE = 'npm start [-- --no-demo-data | --help]';
const HELP = `Usage: ${USAGE}

Runs the shop on one port: DynamoDB Local, the tables, the demo catalog, the storefront and the API.

  --no-demo-data   do not seed the demo catalog (an empty shop on a fresh data directory)
  --help           show this help

Environment: PORT (default ${API_PORT}), HOST (${LOCAL_DEFAULTS.host}), DATA_DIR (${LOCAL_DEFAULTS.dataDir}), DYNAMODB_ENDPOINT,
APP_ENV, ADMIN_EMAIL and ADMIN_PASSWORD, DEBUG=1; the README lists every variable.`;

/** The options after `npm start --`; anything else is refused with the usage. */
function parseArgs(args: string[]): { demoData: boolean; help: boolean } {
  const options = { demoData: true, help: false };
  for (const arg of args) {
    if (arg === '--no-demo-data') options.demoData = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new UserError(`unknown option "${arg}"; usage: ${USAGE}`);
  }
  return options;
}

/** Fails fast, before anything starts, when another process already listens on the port. */
async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolveFree, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UserError(
              `port ${port} on ${host} is already in use (another npm start?): stop that process ` +
                `or choose another port with PORT, e.g. "PORT=${port + 1} npm start".`,
            )
          : new UserError(`cannot listen on ${host}:${port} (${error.message}); set HOST or PORT.`),
      ),
    );
    server.listen(port, host, () => server.close(() => resolveFree()));
  });
}

async function main(): Promise<void> {
  const appEnv = process.env.APP_ENV ?? 'local';
  if (!isEnvironment(appEnv))
    throw new UserError(`APP_ENV must be one of local, dev, staging, prod (got "${appEnv}")`);
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  const port = process.env.PORT ?? String(API_PORT);
  const host = process.env.HOST ?? LOCAL_DEFAULTS.host;
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    throw new UserError(`PORT must be a port number from 1 to 65535 (got "${port}")`);
  await assertPortFree(host, Number(port));
  const dataDir = resolve(process.env.DATA_DIR ?? join(ROOT, LOCAL_DEFAULTS.dataDir));
  const imagesDir = process.env.IMAGES_DIR ?? join(dataDir, 'images');
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  let dynamo: DynamoDbLocal | undefined;
  let api: ChildProcess | undefined = undefined; // set once the API is spawned; read by stop()
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (api && api.exitCode === null) {
      step('stopping the API');
      api.kill('SIGTERM');
      await new Promise((r) => api?.once('exit', r));
    }
    if (dynamo) {
      step('stopping DynamoDB Local');
      await dynamo.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (!endpoint && appEnv === 'local') {
    step(`starting DynamoDB Local (data in ${join(dataDir, 'dynamodb')})`);
    dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
    endpoint = dynamo.endpoint;
    step(`DynamoDB Local answers on ${endpoint}`);
  }

  if (appEnv === 'local') {
    const names = tableNamesFor('local');
    const data = createDataLayer({
      env: 'local',
      ...(endpoint ? { endpoint } : {}),
      requestTimeoutMs: 5000,
    });
    try {
      const { created } = await provisionTables(data.clients.client, names, (m) => step(m));
      step(created.length > 0 ? `created ${created.length} tables` : 'tables are ready');
      if (options.demoData) {
        const { seeded } = await seedCatalogIfEmpty(data.products, imagesDir, (m) => step(m));
        step(
          seeded > 0
            ? `seeded the demo catalog (${seeded} products)`
            : 'catalog already has products',
        );
      } else {
        step(
          'no demo catalog (--no-demo-data): the shop has only the products already in its tables',
        );
      }
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      throw new UserError(
        `DynamoDB does not answer on ${endpoint ?? 'the default endpoint'} (${(error as Error).message}). ` +
          (process.env.DYNAMODB_ENDPOINT
            ? 'Start it, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local.'
            : 'Try again; if it persists, delete the data directory and restart.'),
      );
    } finally {
      data.close();
    }
  } else {
    step(
      `using AWS DynamoDB tables mini-ecommerce-${appEnv}-* through the default credential chain`,
    );
  }

  if (webBuildIsStale(ROOT)) {
    step('building the storefront (apps/web)…');
    await buildWeb(ROOT, (line) => console.log(`  [web] ${line}`));
    step('storefront built');
  } else {
    step('storefront build is up to date');
  }

  const admin =
    process.env.ADMIN_EMAIL || process.env.ADMIN_PASSWORD || appEnv !== 'local'
      ? {}
      : { ADMIN_EMAIL: DEFAULT_ADMIN.email, ADMIN_PASSWORD: DEFAULT_ADMIN.password };
  // API_BUNDLE runs the deployable artifact (`nx run api:bundle`) instead of the sources.
  const bundle = process.env.API_BUNDLE ? resolve(process.env.API_BUNDLE) : undefined;
  step(bundle ? `starting the API from ${bundle}` : 'starting the API');
  api = spawn(
    process.execPath,
    bundle
      ? [...API_NODE_FLAGS, bundle]
      : [
          ...API_NODE_FLAGS,
          '--conditions=@mini-ecommerce/source',
          '--import',
          'tsx',
          join(ROOT, 'apps/api/src/server.ts'),
        ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...admin,
        APP_ENV: appEnv,
        PORT: port,
        HOST: host,
        IMAGES_DIR: imagesDir,
        WEB_DIST: join(ROOT, 'apps/web/dist'),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        // This process has already shown the SDK's Node.js support notice once.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...(endpoint ? { DYNAMODB_ENDPOINT: endpoint } : {}),
      },
    },
  );
  // If this process ends any other way (not ready in time, an error), the API goes with it.
  const child = api;
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  api.once('exit', (code) => {
    if (!stopping) {
      console.error(`The API stopped (exit ${code ?? 'signal'}).`);
      void stop(code || 1);
    }
  });

  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  await waitForReady(`${url}/health/ready`, 30_000, () => api?.exitCode !== null);
  step(`ready: the shop is on ${url} (API under ${url}/api, docs at ${url}/docs)`);
  if (admin.ADMIN_EMAIL)
    step(`admin sign-in for the demo: ${admin.ADMIN_EMAIL} / ${admin.ADMIN_PASSWORD}`);
  step('press Ctrl-C to stop');
}

class UserError extends Error {}

async function waitForReady(url: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return new Promise(() => undefined); // the exit handler reports and stops
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new UserError(`the API did not become ready on ${url} within ${timeoutMs / 1000} s`);
}

main().catch((error: unknown) => {
  if (error instanceof MissingJavaError || error instanceof UserError)
    console.error(`npm start: ${error.message}`);
  // A message, not a stack trace; DEBUG=1 shows the whole error.
  else if (process.env.DEBUG) console.error('npm start failed:', error);
  else
    console.error(
      `npm start failed: ${error instanceof Error ? error.message : String(error)} (run with DEBUG=1 for details)`,
    );
  process.exit(1);
});
