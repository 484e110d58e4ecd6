import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertJavaRuntime, MissingJavaError } from './java';
import { startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './free-port';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('DynamoDB Local runner', () => {
  it('explains in one sentence what to install when Java is missing', () => {
    expect(() => assertJavaRuntime('java-that-does-not-exist')).toThrow(MissingJavaError);
    expect(() => assertJavaRuntime('java-that-does-not-exist')).toThrow(
      /Java 17 or newer.*apt-get install openjdk-17/,
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
