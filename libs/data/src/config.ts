import {
  TABLE_KEYS,
  tableName,
  type Environment,
  type TableKey,
} from '@mini-ecommerce/stack-model';

export type TableNames = Record<TableKey, string>;

/** Physical table names for an environment; `suffix` lets tests run side by side in one DynamoDB Local. */
export function tableNamesFor(env: Environment, suffix = ''): TableNames {
  return Object.fromEntries(
    TABLE_KEYS.map((key) => [key, tableName(env, key) + suffix]),
  ) as TableNames;
}
