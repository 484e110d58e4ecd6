import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';

/** What to run: the Python cfn-lint (current CloudFormation schemas), from PATH. */
export const PYTHON_CFN_LINT = 'cfn-lint';
/** The version CI pins (.github/workflows, .ci/run); another version still runs, and says so. */
export const PYTHON_CFN_LINT_PINNED = '1.51.0';
export const PYTHON_CFN_LINT_MISSING =
  'Python cfn-lint not found: skipped; install with pip install cfn-lint';

/** One entry of `cfn-lint --format json`. */
export interface PythonCfnLintMatch {
  readonly Filename: string;
  readonly Level: 'Error' | 'Warning' | 'Informational' | string;
  readonly Message: string;
  readonly Rule: { readonly Id: string; readonly ShortDescription?: string };
  readonly Location: {
    readonly Start: { readonly LineNumber: number; readonly ColumnNumber: number };
  };
}

export type PythonCfnLintResult =
  | { readonly installed: false }
  | {
      readonly installed: true;
      /** e.g. "1.51.0" */
      readonly version: string;
      /** Errors and warnings: each fails the validation. */
      readonly failures: string[];
      /** Informational matches: reported, not failing. */
      readonly informational: string[];
    };

/**
 * The Python cfn-lint on PATH: its absolute path and version, or undefined when there is none.
 * npm and nx put `node_modules/.bin` first on PATH, where the npm `cfn-lint` package (a different,
 * older linter with the same command name) lives; those directories are skipped, and a candidate
 * counts only if `--version` answers like the Python one ("cfn-lint 1.51.0").
 */
export function findPythonCfnLint(
  command = PYTHON_CFN_LINT,
): { path: string; version: string } | undefined {
  const candidates = command.includes('/')
    ? [command]
    : (process.env['PATH'] ?? '')
        .split(delimiter)
        .filter((dir) => dir !== '' && !dir.split(sep).includes('node_modules'))
        .map((dir) => join(dir, command));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
    const version = /^cfn-lint (\d+\.\d+\.\d+\S*)/.exec(result.stdout.trim())?.[1];
    if (result.status === 0 && version) return { path, version };
  }
  return undefined;
}

/** The installed Python cfn-lint's version, or undefined when there is none on PATH. */
export function pythonCfnLintVersion(command = PYTHON_CFN_LINT): string | undefined {
  return findPythonCfnLint(command)?.version;
}

/**
 * Runs the Python cfn-lint on the given template files (all rules, default region) from `cwd`,
 * so no `.cfnlintrc` elsewhere changes what is checked. Findings are formatted
 * `file:line:column: level rule: message`, with file relative to `cwd`.
 */
export function runPythonCfnLint(
  paths: readonly string[],
  cwd: string,
  command = PYTHON_CFN_LINT,
): PythonCfnLintResult {
  const found = findPythonCfnLint(command);
  if (found === undefined) return { installed: false };
  const { path: executable, version } = found;
  const result = spawnSync(executable, ['--format', 'json', '--', ...paths], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  let matches: PythonCfnLintMatch[];
  try {
    matches = JSON.parse(result.stdout) as PythonCfnLintMatch[];
  } catch {
    // Exit codes 2/4/8 (and combinations) mean findings, which come as JSON; anything else is
    // cfn-lint itself failing.
    throw new Error(
      `${executable} ${version} exited with ${result.status} without a JSON report:\n${result.stderr}${result.stdout}`,
    );
  }
  return { installed: true, version, ...classifyPythonCfnLintMatches(matches, cwd) };
}

/** Errors and warnings (and any level this code does not know) fail; informational matches are only reported. */
export function classifyPythonCfnLintMatches(
  matches: readonly PythonCfnLintMatch[],
  cwd: string,
): { failures: string[]; informational: string[] } {
  const format = (m: PythonCfnLintMatch) =>
    `${relative(cwd, m.Filename) || m.Filename}:${m.Location.Start.LineNumber}:${m.Location.Start.ColumnNumber}: ` +
    `${m.Level.toLowerCase()} ${m.Rule.Id}: ${m.Message}`;
  const informational = matches.filter((m) => m.Level === 'Informational');
  const failures = matches.filter((m) => m.Level !== 'Informational');
  return { failures: failures.map(format), informational: informational.map(format) };
}
