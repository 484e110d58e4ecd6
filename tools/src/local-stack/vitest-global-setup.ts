import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './dynamodb-local';

/** One in-memory DynamoDB Local per test run; test files isolate themselves with their own table names. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
