import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { createTwoFilesPatch } from 'diff';
import { parse, stringify } from 'yaml';
import type { DeployContext } from './context';
import { errorMessage } from './errors';
import type { StackTemplate } from './template';

/** The template as last deployed (the Original stage: what we sent, before transforms). */
export async function deployedTemplate(
  ctx: DeployContext,
  stackName: string,
): Promise<string | undefined> {
  try {
    const { TemplateBody } = await ctx.clients.cloudFormation.send(
      new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
    );
    return TemplateBody;
  } catch (error) {
    if (/does not exist/.test(errorMessage(error))) return undefined;
    throw error;
  }
}

/** A unified diff of deployed against local, coloured; an empty array when they are the same. */
export function templateDiffLines(
  ctx: DeployContext,
  deployed: string,
  local: StackTemplate,
): string[] {
  if (normalise(deployed) === normalise(local.body)) return [];
  const patch = createTwoFilesPatch(
    'deployed',
    local.file,
    normalise(deployed),
    normalise(local.body),
    undefined,
    undefined,
    {
      context: 3,
    },
  );
  return patch
    .split('\n')
    .slice(2) // the "===" separator and the index line add nothing here
    .filter((line) => line !== '\\ No newline at end of file')
    .map((line) => {
      const { reporter } = ctx;
      if (line.startsWith('+') && !line.startsWith('+++')) return reporter.style('green', line);
      if (line.startsWith('-') && !line.startsWith('---')) return reporter.style('red', line);
      if (line.startsWith('@@')) return reporter.style('cyan', line);
      return line;
    });
}

/**
 * Both sides in one rendering: what was deployed may be the committed YAML or, for a template over
 * the inline limit, the same document sent as compact JSON (template-source.ts). Text that does
 * not parse is compared as it is.
 */
function normalise(text: string): string {
  try {
    return stringify(parse(text, { logLevel: 'error' }), { lineWidth: 0 });
  } catch {
    return text.replace(/\r\n/g, '\n').trimEnd() + '\n';
  }
}
