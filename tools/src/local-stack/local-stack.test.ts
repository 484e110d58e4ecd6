import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertJavaRuntime, MissingJavaError } from './java';
import { startDynamoDbLocal } from './dynamodb-local';
import { chromiumPath, DEFAULT_CHROMIUM_PATH, MissingChromiumError } from './chromium';
import { freePort } from './free-port';
import { runStart, spawnStart } from './run-start';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('DynamoDB Local runner', () => {
  it('explains in one sentence what to install when Java is missing', () => {
    expect(() => assertJavaRuntime('java-that-does-not-exist')).toThrow(MissingJavaError);
    expect(() => assertJavaRuntime('java-that-does-not-exist')).toThrow(
      /Java 17 or newer.*apt-get install -y openjdk-17-jre-headless/,
    );
    expect(assertJavaRuntime()).toBeGreaterThanOrEqual(17);
  });

  it('starts on a free port, answers, and stops', async () => {
    const dynamo = await startDynamoDbLocal({ dataDir: mkdtempSync(join(tmpdir(), 'ddb-')) });
    const response = await fetch(dynamo.endpoint, { method: 'POST' }).catch(() => undefined);
    expect(response).toBeDefined();
    await dynamo.stop();
    expect(dynamo.process.exitCode !== null || dynamo.process.signalCode !== null).toBe(true);
    await expect(fetch(dynamo.endpoint, { method: 'POST' })).rejects.toThrow();
  });
});

describe('npm start', () => {
  it('says plainly that DYNAMODB_ENDPOINT does not answer, without a stack trace', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(await freePort()),
          DYNAMODB_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(output).toMatch(/npm start: DynamoDB does not answer on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/unset DYNAMODB_ENDPOINT/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('serves the shop, then Ctrl-C (SIGINT) stops everything it started', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'start-'));
    const child = spawn(
      process.execPath,
      ['--conditions=@mini-ecommerce/source', '--import', 'tsx', 'tools/src/start.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          ADMIN_EMAIL: '',
          ADMIN_PASSWORD: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 50_000;
      while (!/ready: the shop is on http:\/\//.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`npm start did not get ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(output).toMatch(/starting DynamoDB Local/);
      expect(output).toMatch(/seeded the demo catalog \(120 products\)/);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      const categories = (await (
        await fetch(`http://127.0.0.1:${port}/api/categories`)
      ).json()) as { items: unknown[] };
      expect(categories.items.length).toBeGreaterThanOrEqual(6);
      const dynamoPort = /DynamoDB Local answers on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      expect(dynamoPort).toBeDefined();

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${dynamoPort}`, { method: 'POST' })).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('npm start tells a newcomer what to do', () => {
  const fails = async (env: NodeJS.ProcessEnv, args: string[] = []) => {
    const { output, exited } = spawnStart(args, { PORT: String(await freePort()), ...env });
    const code = await exited;
    return { code, output: output() };
  };

  it('names the variable to set when the port is taken, before starting anything', async () => {
    const taken = createServer();
    const port = await new Promise<number>((r) =>
      taken.listen(0, '127.0.0.1', () => r((taken.address() as AddressInfo).port)),
    );
    try {
      const { code, output } = await fails({ PORT: String(port), HOST: '127.0.0.1' });
      expect(code).toBe(1);
      expect(output).toMatch(
        new RegExp(
          `npm start: port ${port} on 127\\.0\\.0\\.1 is already in use .*"PORT=${port + 1} npm start"`,
        ),
      );
      expect(output).not.toMatch(/starting DynamoDB Local/);
    } finally {
      taken.close();
    }
  });

  it('says what to install when Java is missing', async () => {
    const { code, output } = await fails({ PATH: mkdtempSync(join(tmpdir(), 'no-java-')) });
    expect(code).toBe(1);
    expect(output).toMatch(
      /npm start: DynamoDB Local needs a Java 17 or newer runtime .*apt-get install -y openjdk-17-jre-headless.*brew install openjdk@17/,
    );
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('refuses an unknown option with the usage, explains its options with --help, and refuses a PORT that is not a port', async () => {
    const unknown = await fails({}, ['--no-demo']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(
      /npm start: unknown option "--no-demo"; usage: npm start \[-- --no-demo-data \| --help\]/,
    );
    const help = await fails({}, ['--help']);
    expect(help.code).toBe(0);
    expect(help.output).toMatch(/--no-demo-data +do not seed the demo catalog/);
    expect(help.output).not.toMatch(/starting DynamoDB Local/);
    const badPort = await fails({ PORT: 'eighty' });
    expect(badPort.code).toBe(1);
    expect(badPort.output).toMatch(/PORT must be a port number from 1 to 65535 \(got "eighty"\)/);
  });

  it('starts without the demo catalog with --no-demo-data', async () => {
    const shop = await runStart({
      args: ['--no-demo-data'],
      env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    });
    try {
      expect(shop.output()).toMatch(/no demo catalog \(--no-demo-data\)/);
      expect(shop.output()).not.toMatch(/seeded/);
      const products = (await (await fetch(`${shop.url}/api/products?limit=5`)).json()) as {
        items: unknown[];
      };
      expect(products.items).toEqual([]);
      const categories = (await (await fetch(`${shop.url}/api/categories`)).json()) as {
        items: { count: number }[];
      };
      expect(categories.items.filter((c) => c.count > 0)).toEqual([]);
    } finally {
      expect(await shop.stop()).toBe(0);
    }
  }, 150_000);
});

describe('Chromium for the browser checks', () => {
  it('is found at CHROMIUM_PATH or /usr/bin/chromium, else one sentence says what to install', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      MissingChromiumError,
    );
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /^No Chromium at \/nonexistent\/chromium: install it \("sudo apt-get install -y chromium" on Debian\/Ubuntu\) or point CHROMIUM_PATH at .*Google Chrome\.app/,
    );
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM_PATH);
  });
});
