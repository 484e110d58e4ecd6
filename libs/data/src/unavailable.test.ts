import { describe, expect, it } from 'vitest';
import { createDataLayer, isUnavailableError } from './index';
import { IncompleteBatchError } from './repositories/products';

describe('reads DynamoDB could not finish', () => {
  it('are errors the API answers with 503, never a product silently missing', async () => {
    const data = createDataLayer({ env: 'local', endpoint: 'http://127.0.0.1:9' });
    const client = data.clients.documentClient as unknown as {
      send: (command: unknown) => Promise<unknown>;
    };
    // DynamoDB answers every attempt with the key still unprocessed (throttling).
    client.send = async (command) => {
      const input = (command as { input: { RequestItems: Record<string, { Keys: unknown[] }> } })
        .input;
      return {
        Responses: Object.fromEntries(Object.keys(input.RequestItems).map((table) => [table, []])),
        UnprocessedKeys: input.RequestItems,
        $metadata: {},
      };
    };
    const error = await data.products.getMany(['p-1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteBatchError);
    expect(isUnavailableError(error)).toBe(true);
    data.close();
  });
});
