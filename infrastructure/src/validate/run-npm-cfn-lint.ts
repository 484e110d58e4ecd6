import { createRequire } from 'node:module';
import { specDatabase } from '../spec/spec-db';
import {
  NPM_CFN_LINT_ALLOW_LIST,
  NPM_CFN_LINT_FALSE_POSITIVES,
  NPM_CFN_LINT_NESTED_FUNCTIONS,
  NPM_CFN_LINT_NO_LONGER_REQUIRED,
} from './npm-cfn-lint-allow-list';
import {
  findSpecGaps,
  gapKey,
  npmCfnLintSpec,
  patchSpecGap,
  type SpecGap,
} from './npm-cfn-lint-spec';
import type { TemplateOnDisk } from './templates-on-disk';

const require = createRequire(import.meta.url);

export interface NpmLintResult {
  readonly file: string;
  readonly crit: string[];
  readonly warn: string[];
  /** Gaps the template hits that the allow-list does not explain. */
  readonly unlisted: string[];
}

interface CfnLintApi {
  validateFile(path: string): {
    errors: Record<'crit' | 'warn' | 'info', { message: string; resource: string }[]>;
  };
}

/**
 * The npm cfn-lint on each committed template, after teaching its bundled specification the
 * allow-listed newer types and properties. Also reports allow-list entries nothing uses.
 */
export function runNpmCfnLint(templates: readonly TemplateOnDisk[]): {
  results: NpmLintResult[];
  unusedAllowListEntries: string[];
} {
  const spec = npmCfnLintSpec();
  const db = specDatabase();
  const used = new Set<string>();
  const gapsByFile = templates.map((t) => ({ template: t, gaps: findSpecGaps(spec, t.document) }));
  const patched = new Set<string>();
  const patch = (gap: SpecGap) => {
    if (patched.has(gapKey(gap))) return;
    patchSpecGap(spec, db, gap);
    patched.add(gapKey(gap));
  };
  relaxRequirements(spec);
  allowNestedFunctions();
  const cfnLint = require('cfn-lint') as CfnLintApi;
  const results = gapsByFile.map(({ template, gaps }) => {
    const unlisted: string[] = [];
    for (const gap of gaps) {
      const key = gapKey(gap);
      if (key in NPM_CFN_LINT_ALLOW_LIST) {
        used.add(key);
        patch(gap);
      } else unlisted.push(key);
    }
    if (unlisted.length > 0) return { file: template.file, crit: [], warn: [], unlisted };
    const result = cfnLint.validateFile(template.path);
    const format = (e: { message: string; resource: string }) => `${e.resource}: ${e.message}`;
    const falsePositive = (finding: string) => {
      const key = Object.keys(NPM_CFN_LINT_FALSE_POSITIVES).find((candidate) =>
        `${template.file}: ${finding}`.startsWith(candidate),
      );
      if (key) used.add(key);
      return key !== undefined;
    };
    return {
      file: template.file,
      crit: result.errors.crit.map(format).filter((finding) => !falsePositive(finding)),
      warn: result.errors.warn.map(format),
      unlisted,
    };
  });
  const unusedAllowListEntries = [
    ...Object.keys(NPM_CFN_LINT_ALLOW_LIST),
    ...Object.keys(NPM_CFN_LINT_FALSE_POSITIVES),
  ].filter((key) => !used.has(key));
  return { results, unusedAllowListEntries };
}

function relaxRequirements(spec: ReturnType<typeof npmCfnLintSpec>): void {
  for (const key of Object.keys(NPM_CFN_LINT_NO_LONGER_REQUIRED)) {
    const [typeName = '', property = ''] = key.split(' ');
    const definition = spec.PropertyTypes[typeName]?.Properties[property];
    if (!definition) throw new Error(`${key} is not in the npm cfn-lint specification`);
    definition.Required = false;
  }
}

function allowNestedFunctions(): void {
  const table = (
    require('cfn-lint/lib/awsData') as {
      awsIntrinsicFunctions: Record<string, { supportedFunctions: string[] }>;
    }
  ).awsIntrinsicFunctions;
  for (const [outer, { functions }] of Object.entries(NPM_CFN_LINT_NESTED_FUNCTIONS)) {
    const supported = table[outer]?.supportedFunctions;
    if (!supported) throw new Error(`npm cfn-lint has no ${outer}`);
    for (const inner of functions) if (!supported.includes(inner)) supported.push(inner);
  }
}
