import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local endpoint started once per test run by vitest-global-setup.ts. */
    dynamoDbEndpoint: string;
  }
}
