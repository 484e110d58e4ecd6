import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from './dynamodb-local';

// The AWS SDK warns once per process that its 2027 releases need Node.js 22; every test worker
// and server the tests start would print it again. The README says it once; the tests stay quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** One in-memory DynamoDB Local per test run; test files isolate themselves with their own table names. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
