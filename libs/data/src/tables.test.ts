import { describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLES, TABLE_KEYS, type TableDefinition } from '@mini-ecommerce/stack-model';
import { createTableInput } from './provision';
import { createToolboxTables } from './tables';

/** A table's keys and indexes in one comparable shape, whatever described them. */
interface KeyShape {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: Record<string, { partitionKey: string; sortKey?: string }>;
}

function modelShape(definition: TableDefinition): KeyShape {
  return {
    partitionKey: definition.partitionKey.name,
    ...(definition.sortKey ? { sortKey: definition.sortKey.name } : {}),
    indexes: Object.fromEntries(
      definition.globalSecondaryIndexes.map((index) => [
        index.indexName,
        {
          partitionKey: index.partitionKey.name,
          ...(index.sortKey ? { sortKey: index.sortKey.name } : {}),
        },
      ]),
    ),
  };
}

const names = Object.fromEntries(TABLE_KEYS.map((key) => [key, `test-${key}`])) as Record<
  (typeof TABLE_KEYS)[number],
  string
>;

describe('tables: the stack model, DynamoDB Local and dynamodb-toolbox agree', () => {
  it('builds the toolbox tables with the model keys and indexes', () => {
    const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
    const toolbox = createToolboxTables(documentClient, names);
    for (const key of TABLE_KEYS) {
      const table = toolbox[key];
      const indexes = (table.indexes ?? {}) as Record<
        string,
        { partitionKey?: { name: string }; sortKey?: { name: string } }
      >;
      const shape: KeyShape = {
        partitionKey: table.partitionKey.name,
        ...(table.sortKey ? { sortKey: table.sortKey.name } : {}),
        indexes: Object.fromEntries(
          Object.entries(indexes).map(([name, index]) => [
            name,
            {
              partitionKey: index.partitionKey?.name ?? '',
              ...(index.sortKey ? { sortKey: index.sortKey.name } : {}),
            },
          ]),
        ),
      };
      expect(shape, key).toEqual(modelShape(TABLES[key]));
    }
    documentClient.destroy();
  });

  it('creates the local tables with the model keys, indexes and projections', () => {
    for (const key of TABLE_KEYS) {
      const input = createTableInput(TABLES[key], names[key]);
      const keyOf = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => ({
        partitionKey: schema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '',
        ...(schema?.some((k) => k.KeyType === 'RANGE')
          ? { sortKey: schema.find((k) => k.KeyType === 'RANGE')?.AttributeName }
          : {}),
      });
      const shape: KeyShape = {
        ...keyOf(input.KeySchema),
        indexes: Object.fromEntries(
          (input.GlobalSecondaryIndexes ?? []).map((index) => [
            index.IndexName ?? '',
            keyOf(index.KeySchema),
          ]),
        ),
      };
      expect(shape, key).toEqual(modelShape(TABLES[key]));
      expect(input.TableName).toBe(names[key]);
      for (const index of TABLES[key].globalSecondaryIndexes) {
        expect(
          input.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.indexName)?.Projection,
        ).toEqual({ ProjectionType: index.projection });
      }
    }
  });
});
