import { readFileSync } from 'node:fs';
import { generatedFiles } from '../generate';
import { specDatabase } from '../spec/spec-db';
import { runCfnGuard } from './run-cfn-guard';
import { runNpmCfnLint } from './run-npm-cfn-lint';
import {
  PYTHON_CFN_LINT_MISSING,
  PYTHON_CFN_LINT_PINNED,
  runPythonCfnLint,
} from './run-python-cfn-lint';
import { checkAgainstSpec } from './spec-check';
import { INFRA_ROOT, templatesOnDisk } from './templates-on-disk';

export interface ValidationSection {
  readonly name: string;
  readonly problems: string[];
  readonly summary: string;
  /** Reported, not failing (e.g. informational lint matches). */
  readonly notes?: string[];
  /** The check could not run on this machine (the summary says why and what to install). */
  readonly skipped?: boolean;
}

/** Committed files equal a fresh generation (templates and the generated resource types). */
export async function checkFreshness(): Promise<ValidationSection> {
  const files = await generatedFiles();
  const stale = files.filter((f) => {
    try {
      return readFileSync(f.path, 'utf8') !== f.content;
    } catch {
      return true;
    }
  });
  return {
    name: 'committed files equal a fresh generation',
    problems: stale.map((f) => `${f.path} is out of date: run nx run infra:generate`),
    summary: `${files.length - stale.length}/${files.length} up to date`,
  };
}

export function checkSpec(): ValidationSection {
  const db = specDatabase();
  const templates = templatesOnDisk();
  const problems = templates.flatMap((t) =>
    checkAgainstSpec(db, t.document).map((p) => `${t.file} ${p.resource} ${p.path}: ${p.message}`),
  );
  const resources = templates.reduce((n, t) => n + Object.keys(t.document.Resources).length, 0);
  return {
    name: 'resource types and properties against @aws-cdk/aws-service-spec',
    problems,
    summary: `${resources} resources checked`,
  };
}

export function checkNpmCfnLint(): ValidationSection {
  const { results, unusedAllowListEntries } = runNpmCfnLint(templatesOnDisk());
  const problems = [
    ...results.flatMap((r) => [
      ...r.unlisted.map(
        (u) =>
          `${r.file}: ${u} is unknown to the npm cfn-lint specification and not in its allow-list (npm-cfn-lint-allow-list.ts)`,
      ),
      ...r.crit.map((c) => `${r.file}: error: ${c}`),
    ]),
    ...unusedAllowListEntries.map((e) => `allow-list entry no template needs any more: ${e}`),
  ];
  const warnings = results.reduce((n, r) => n + r.warn.length, 0);
  return {
    name: 'npm cfn-lint',
    problems,
    summary: `${results.length} templates, ${warnings} warnings`,
  };
}

export function checkCfnGuard(): ValidationSection {
  const report = runCfnGuard(templatesOnDisk());
  const failing = report.findings.filter((f) => !f.suppressed);
  return {
    name: 'cfn-guard, AWS Control Tower proactive controls',
    problems: [
      ...failing.map(
        (f) =>
          `${f.file} ${f.resource}: ${f.control} (${f.rule}) fails and is not suppressed with a reason`,
      ),
      ...report.staleSuppressions.map((s) => `suppression no longer needed: ${s}`),
    ],
    summary: `${report.findings.length - failing.length} findings suppressed with written reasons, ${failing.length} failing`,
  };
}

/**
 * The Python cfn-lint (current CloudFormation schemas) on the committed templates, when it is on
 * PATH; errors and warnings fail. Without it the section is skipped and says what to install.
 */
export function checkPythonCfnLint(command?: string): ValidationSection {
  const name = 'Python cfn-lint';
  const templates = templatesOnDisk();
  const result = runPythonCfnLint(
    templates.map((t) => t.path),
    INFRA_ROOT,
    command,
  );
  if (!result.installed)
    return { name, problems: [], summary: PYTHON_CFN_LINT_MISSING, skipped: true };
  const pin =
    result.version === PYTHON_CFN_LINT_PINNED ? '' : ` (CI pins ${PYTHON_CFN_LINT_PINNED})`;
  return {
    name,
    problems: result.failures,
    notes: result.informational,
    summary:
      `cfn-lint ${result.version}${pin}: ${templates.length} templates, ` +
      `${result.failures.length} errors or warnings, ${result.informational.length} informational`,
  };
}
