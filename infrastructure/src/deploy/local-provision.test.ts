import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { tableNamesFor } from '@mini-ecommerce/data';
import { describe, expect, inject, it } from 'vitest';
import { parseCliArgs } from './args';
import { provisionLocal } from './local-provision';
import { MemoryOutput, Reporter } from './reporter';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint?: string;
  }
}

// The DynamoDB Local of tools' vitest global setup when the infra test config uses it, else one
// given by the environment (npm start's, for instance).
const endpoint = inject('dynamoDbEndpoint') ?? process.env['DYNAMODB_ENDPOINT'];

describe('infra:deploy --env local', () => {
  it('requires DYNAMODB_ENDPOINT and says so', async () => {
    await expect(
      provisionLocal(
        parseCliArgs(['deploy', '--env', 'local']),
        new Reporter(new MemoryOutput()),
        {},
      ),
    ).rejects.toThrow(/^DYNAMODB_ENDPOINT is not set/);
  });

  it('has nothing to do for the other commands', async () => {
    await expect(
      provisionLocal(
        parseCliArgs(['web-deploy', '--env', 'local']),
        new Reporter(new MemoryOutput()),
        { DYNAMODB_ENDPOINT: 'http://x' },
      ),
    ).rejects.toThrow('"web-deploy" has nothing to do for --env local');
  });

  it('says the database is not reachable rather than failing with a trace', async () => {
    // Port 9 (discard) on loopback refuses connections at once.
    const error = await provisionLocal(
      parseCliArgs(['deploy', '--env', 'local']),
      new Reporter(new MemoryOutput()),
      {
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
      },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Could not provision DynamoDB Local at http:\/\/127\.0\.0\.1:9: .*\(is it running\?\)$/,
    );
  });

  it.skipIf(!endpoint)(
    'creates the four tables in a real DynamoDB Local, and a second run changes nothing (needs DynamoDB Local: tools global setup or DYNAMODB_ENDPOINT)',
    async () => {
      const options = parseCliArgs(['deploy', '--env', 'local']);
      const first = new MemoryOutput();
      await provisionLocal(options, new Reporter(first), { DYNAMODB_ENDPOINT: endpoint });
      const second = new MemoryOutput();
      await provisionLocal(options, new Reporter(second), { DYNAMODB_ENDPOINT: endpoint });

      const client = new DynamoDBClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      });
      const { TableNames } = await client.send(new ListTablesCommand({}));
      client.destroy();
      expect(TableNames).toEqual(expect.arrayContaining(Object.values(tableNamesFor('local'))));
      expect(second.text).toContain('all 4 tables already exist');
    },
    60_000,
  );
});
