import { Agent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { meterCapacity } from './capacity';

export interface DynamoClientOptions {
  region?: string;
  /** DynamoDB Local or another compatible endpoint; real AWS when absent. */
  endpoint?: string;
  /** Per-attempt socket timeout; requests fail fast instead of hanging when DynamoDB is away. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  maxAttempts?: number;
  /** Ask DynamoDB for the capacity every call consumes (see capacity.ts); for the bench only. */
  meterCapacity?: boolean;
}

export interface DynamoClients {
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  destroy(): void;
}

/**
 * One client per process with keep-alive connections. Timeouts and retries are deliberate:
 * three attempts of at most ~600 ms each keep a request well inside the 2 s in which the API
 * must answer 503 when DynamoDB is down.
 */
export function createDynamoClients(options: DynamoClientOptions = {}): DynamoClients {
  const agentOptions = { keepAlive: true, maxSockets: 256 };
  const client = new DynamoDBClient({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // DynamoDB Local accepts any credentials; real AWS uses the default provider chain.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? 300,
      requestTimeout: options.requestTimeoutMs ?? 600,
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new Agent(agentOptions),
    }),
  });
  if (options.meterCapacity) meterCapacity(client);
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    client,
    documentClient,
    destroy: () => client.destroy(),
  };
}
