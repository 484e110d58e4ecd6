import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableNames } from './config';
import type { Entities } from './entities';
import type { ToolboxTables } from './tables';

/** What every repository is built from: one document client, the toolbox tables and entities. */
export interface DataContext {
  documentClient: DynamoDBDocumentClient;
  names: TableNames;
  tables: ToolboxTables;
  entities: Entities;
  now: () => Date;
}
