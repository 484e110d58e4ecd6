import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BODY_BYTES, templateSource } from './template-source';
import { testContext } from './testing/test-context';

const s3 = mockClient(S3Client);

describe('template source', () => {
  it('sends a template over the inline limit (the monitoring stack is) through the artifacts bucket', async () => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    const body = `# ${'x'.repeat(MAX_TEMPLATE_BODY_BYTES)}\nResources: {}\n`;
    const source = await templateSource(
      testContext(),
      { id: 'monitoring', file: 'monitoring-stack.yml', body, parameters: [], outputs: [] },
      async () => 'artifacts',
    );
    expect(source).toEqual({
      TemplateURL: expect.stringMatching(
        /^https:\/\/artifacts\.s3\.eu-west-1\.amazonaws\.com\/templates\/dev\/monitoring-[0-9a-f]{16}\.yml$/,
      ),
    });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body).toBe(body);
  });

  it('keeps a small template inline', async () => {
    const source = await templateSource(
      testContext(),
      { id: 'main', file: 'main-stack.yml', body: 'Resources: {}\n', parameters: [], outputs: [] },
      async () => expect.fail('no bucket needed'),
    );
    expect(source).toEqual({ TemplateBody: 'Resources: {}\n' });
  });
});
