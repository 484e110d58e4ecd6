import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STACK_IDS } from './stacks';
import { MAX_TEMPLATE_BODY_BYTES, templateBody, templateSource } from './template-source';
import { templatePath } from './template';
import { testContext } from './testing/test-context';

const infrastructureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A template with more content than fits inline even as compact JSON. */
function hugeTemplate(): string {
  const resources = Array.from(
    { length: 400 },
    (_, i) =>
      `  Topic${i}:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: ${'d'.repeat(150)}\n`,
  );
  return `Resources:\n${resources.join('')}`;
}

const s3 = mockClient(S3Client);

describe('template source', () => {
  it('sends every committed stack template inline, as compact JSON when its YAML is too large', () => {
    for (const id of STACK_IDS) {
      const yaml = readFileSync(templatePath(infrastructureDir, id), 'utf8');
      const { body, format } = templateBody({ body: yaml });
      expect(Buffer.byteLength(body), id).toBeLessThanOrEqual(MAX_TEMPLATE_BODY_BYTES);
      expect(parse(body), id).toEqual(parse(yaml));
      expect(format, id).toBe(Buffer.byteLength(yaml) > MAX_TEMPLATE_BODY_BYTES ? 'json' : 'yaml');
    }
  });

  it('sends a template over the inline limit even as JSON through the artifacts bucket', async () => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    const body = hugeTemplate();
    const json = templateBody({ body }).body;
    expect(Buffer.byteLength(json)).toBeGreaterThan(MAX_TEMPLATE_BODY_BYTES);
    const source = await templateSource(
      testContext(),
      { id: 'monitoring', file: 'monitoring-stack.yml', body, parameters: [], outputs: [] },
      async () => 'artifacts',
    );
    expect(source).toEqual({
      TemplateURL: expect.stringMatching(
        /^https:\/\/artifacts\.s3\.eu-west-1\.amazonaws\.com\/templates\/dev\/monitoring-[0-9a-f]{16}\.json$/,
      ),
    });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body).toBe(json);
  });

  it('refuses a main template that does not fit inline, since main holds the upload bucket', async () => {
    await expect(
      templateSource(
        testContext(),
        { id: 'main', file: 'main-stack.yml', body: hugeTemplate(), parameters: [], outputs: [] },
        async () => expect.fail('main cannot be uploaded'),
      ),
    ).rejects.toThrow(/even as compact JSON.*make the main template smaller/);
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
