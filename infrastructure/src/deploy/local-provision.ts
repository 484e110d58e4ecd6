import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { provisionTables, tableNamesFor } from '@mini-ecommerce/data';
import type { CliOptions } from './args';
import { UserError, errorMessage } from './errors';
import type { Reporter } from './reporter';

/**
 * `infra:deploy --env local`: creates the DynamoDB Local tables from the stack model, the same
 * definitions that generate database-simple.yml. Idempotent: existing tables are left alone.
 */
export async function provisionLocal(
  options: CliOptions,
  reporter: Reporter,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (options.command !== 'deploy') {
    throw new UserError(
      `"${options.command}" has nothing to do for --env local: the local stack runs from \`npm start\`, and \`nx run infra:deploy --env local\` creates its tables.`,
    );
  }
  const endpoint = env['DYNAMODB_ENDPOINT'];
  if (!endpoint) {
    throw new UserError(
      'DYNAMODB_ENDPOINT is not set: --env local provisions DynamoDB Local at that address (for example DYNAMODB_ENDPOINT=http://127.0.0.1:8000); `npm start` starts one for you.',
    );
  }
  const client = new DynamoDBClient({
    endpoint,
    region: env['AWS_REGION'] ?? 'us-east-1',
    // DynamoDB Local accepts any credentials; real ones must not be required to work offline.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
  reporter.heading(`Provisioning the local stack at ${endpoint}`);
  try {
    const names = tableNamesFor('local');
    const { created } = await provisionTables(client, names, (message) =>
      reporter.line(`  ${message}`),
    );
    reporter.success(
      created.length > 0
        ? `created ${created.join(', ')}; ${Object.keys(names).length - created.length} already existed`
        : `all ${Object.keys(names).length} tables already exist`,
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `Could not provision DynamoDB Local at ${endpoint}: ${errorMessage(error)} (is it running?)`,
    );
  } finally {
    client.destroy();
  }
}
