import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { DeployContext } from './context';
import { UserError } from './errors';
import type { StackTemplate } from './template';

/** CloudFormation's limit for an inline TemplateBody; larger templates must come from S3. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/**
 * Inline when small enough; otherwise uploaded to the artifact bucket of the main stack under a
 * content-addressed key, so repeated deploys of the same template reuse one object.
 */
export async function templateSource(
  ctx: DeployContext,
  template: StackTemplate,
  artifactBucket: () => Promise<string>,
): Promise<{ TemplateBody: string } | { TemplateURL: string }> {
  if (Buffer.byteLength(template.body) <= MAX_TEMPLATE_BODY_BYTES)
    return { TemplateBody: template.body };
  if (template.id === 'main') {
    throw new UserError(
      `${template.file} is ${Buffer.byteLength(template.body)} bytes, over CloudFormation's ${MAX_TEMPLATE_BODY_BYTES}-byte inline limit, and the main stack holds the bucket larger templates are uploaded to: make the main template smaller.`,
    );
  }
  const bucket = await artifactBucket();
  const key = `templates/${ctx.env}/${template.id}-${createHash('sha256').update(template.body).digest('hex').slice(0, 16)}.yml`;
  await ctx.clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: template.body,
      ContentType: 'text/yaml',
    }),
  );
  return { TemplateURL: `https://${bucket}.s3.${ctx.region}.amazonaws.com/${key}` };
}
