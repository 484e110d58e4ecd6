import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Capacity units DynamoDB reported for the calls made inside one measured scope. */
export interface CapacityUse {
  /** Read capacity units (GetItem, BatchGetItem, Query, Scan, TransactGetItems). */
  read: number;
  /** Write capacity units (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems). */
  write: number;
  /** DynamoDB calls made. */
  calls: number;
  /**
   * Of `write`, the units of TransactWriteItems as reported. AWS bills a transactional write at
   * twice a standard one; DynamoDB Local reports the standard figure, so the bench adds these once
   * more to price an order on AWS.
   */
  transactWrite: number;
}

const scope = new AsyncLocalStorage<CapacityUse>();

const READS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'TransactGetItemsCommand',
]);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export const emptyCapacityTally = (): CapacityUse => ({
  read: 0,
  write: 0,
  calls: 0,
  transactWrite: 0,
});

/** Runs `fn` with `tally` as the scope's tally: every DynamoDB call it makes through a metered client adds to it. */
export function withCapacityTally<T>(tally: CapacityUse, fn: () => T): T {
  return scope.run(tally, fn);
}

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

/**
 * Makes the client ask DynamoDB for ReturnConsumedCapacity on every call and add the units to the
 * tally of the scope the call runs in. Off in production: only installed when the data layer is
 * created with `meterCapacity` (the bench sets DYNAMODB_CAPACITY=on for the API it measures),
 * since asking costs a little response size and this middleware a little time.
 */
export function meterCapacity(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const tally = scope.getStore();
      const name = context.commandName ?? '';
      const kind = READS.has(name) ? 'read' : WRITES.has(name) ? 'write' : undefined;
      if (!tally || !kind) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
        (sum, entry) => sum + (entry.CapacityUnits ?? 0),
        0,
      );
      tally[kind] += units;
      if (name === 'TransactWriteItemsCommand') tally.transactWrite += units;
      tally.calls += 1;
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
}
