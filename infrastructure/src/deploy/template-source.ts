import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'yaml';
import type { DeployContext } from './context';
import { UserError } from './errors';
import type { StackTemplate } from './template';

/** CloudFormation's limit for an inline TemplateBody; larger templates must come from S3. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/**
 * What CloudFormation receives: the committed YAML when it fits inline, else the same template as
 * compact JSON (CloudFormation reads both; the generated YAML uses no short-form tags, so the
 * conversion loses nothing but comments and indentation, about a fifth of the bytes).
 */
export function templateBody(template: Pick<StackTemplate, 'body'>): {
  readonly body: string;
  readonly format: 'yaml' | 'json';
} {
  if (Buffer.byteLength(template.body) <= MAX_TEMPLATE_BODY_BYTES)
    return { body: template.body, format: 'yaml' };
  return { body: JSON.stringify(parse(template.body)), format: 'json' };
}

/**
 * Inline when small enough (see templateBody); otherwise uploaded to the artifact bucket of the
 * main stack under a content-addressed key, so repeated deploys of the same template reuse one
 * object.
 */
export async function templateSource(
  ctx: DeployContext,
  template: StackTemplate,
  artifactBucket: () => Promise<string>,
): Promise<{ TemplateBody: string } | { TemplateURL: string }> {
  const { body, format } = templateBody(template);
  const bytes = Buffer.byteLength(body);
  if (bytes <= MAX_TEMPLATE_BODY_BYTES) return { TemplateBody: body };
  if (template.id === 'main') {
    throw new UserError(
      `${template.file} is ${bytes} bytes even as compact JSON, over CloudFormation's ${MAX_TEMPLATE_BODY_BYTES}-byte inline limit, and the main stack holds the bucket larger templates are uploaded to: make the main template smaller.`,
    );
  }
  const bucket = await artifactBucket();
  const key = `templates/${ctx.env}/${template.id}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${format === 'json' ? 'json' : 'yml'}`;
  await ctx.clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: format === 'json' ? 'application/json' : 'text/yaml',
    }),
  );
  return { TemplateURL: `https://${bucket}.s3.${ctx.region}.amazonaws.com/${key}` };
}
