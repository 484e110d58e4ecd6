import {
  TABLES,
  TABLE_KEYS,
  type OutputKey,
  type TableDefinition,
  type TableKey,
  keyDefinitions,
  tableName,
} from '@mini-ecommerce/stack-model';
import { fnIf } from '../model/intrinsics';
import type { ResourceProps } from '../model/generated/cfn-resources';
import type { TemplateDocument } from '../model/template';
import { ENV_PLACEHOLDER, IS_PROD, envSub, stackOutput, stackTemplate } from './common';

const PITR_REASON =
  'Point-in-time recovery is on in prod (IsProd) and off in dev and staging, whose data is disposable test data, to save its per-GB cost.';
/** The CloudFormation table of one stack-model table definition. Exported for the agreement test. */
export function tableProperties(table: TableDefinition): ResourceProps['AWS::DynamoDB::Table'] {
  return {
    TableName: envSub(tableName(ENV_PLACEHOLDER, table.key)),
    BillingMode: table.billingMode,
    ...keyDefinitions(table),
    ...(table.timeToLiveAttribute
      ? { TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true } }
      : {}),
    SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: fnIf(IS_PROD, true, false) },
    DeletionProtectionEnabled: fnIf(IS_PROD, true, false),
  };
}

const TABLE_LOGICAL_IDS: { readonly [K in TableKey]: string } = {
  products: 'ProductsTable',
  users: 'UsersTable',
  orders: 'OrdersTable',
  cart: 'CartTable',
};

/** database-simple.yml: the four tables of the stack model. */
export function databaseStack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce DynamoDB tables (products, users, orders, cart), generated from the shared stack model.',
    { isProd: true },
  );
  for (const key of TABLE_KEYS) {
    const table = template.resource(
      TABLE_LOGICAL_IDS[key],
      'AWS::DynamoDB::Table',
      tableProperties(TABLES[key]),
      {
        deletionPolicy: 'Retain',
        updateReplacePolicy: 'Retain',
        guardExceptions: [{ rule: 'CT.DYNAMODB.PR.1', reason: PITR_REASON }],
      },
    );
    stackOutput(template, `${key}TableName` as OutputKey, {
      Description: `${key} table name`,
      Value: table.ref(),
    });
    stackOutput(template, `${key}TableArn` as OutputKey, {
      Description: `${key} table ARN`,
      Value: table.getAtt('Arn'),
    });
  }
  return template.build();
}
