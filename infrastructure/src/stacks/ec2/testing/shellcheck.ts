import { spawnSync } from 'node:child_process';

export const SHELLCHECK_MISSING =
  'shellcheck not found: install it (Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck); .ci/run and the CI workflows install it';

export interface ShellcheckFinding {
  readonly line: number;
  readonly column: number;
  readonly level: string;
  readonly code: number;
  readonly message: string;
}

/** An inline `# shellcheck disable=...` in the script, with the reason written next to it. */
export interface InlineExclusion {
  readonly line: number;
  readonly codes: string[];
  /** The comment after the directive on the same line, or the comment line right above it. */
  readonly reason: string;
}

/** shellcheck's version, or undefined when it is not installed. */
export function shellcheckVersion(): string | undefined {
  const result = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return /^version: (\S+)/m.exec(result.stdout)?.[1] ?? 'unknown';
}

/**
 * shellcheck with its default checks (every severity, style included) on a bash script given as
 * text. Throws when shellcheck is missing or cannot run.
 */
export function shellcheck(script: string): ShellcheckFinding[] {
  const result = spawnSync('shellcheck', ['--shell=bash', '--format=json1', '-'], {
    input: script,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error(SHELLCHECK_MISSING);
  if (result.error) throw result.error;
  // Exit 0: clean; 1: findings; anything else: shellcheck itself failed.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`shellcheck exited with ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { comments: ShellcheckFinding[] };
  return report.comments.map(({ line, column, level, code, message }) => ({
    line,
    column,
    level,
    code,
    message,
  }));
}

/** `line:column SC1234 (level): message` followed by the offending line, for test failures. */
export function formatFinding(script: string, finding: ShellcheckFinding): string {
  const source = script.split('\n')[finding.line - 1] ?? '';
  return `line ${finding.line}:${finding.column} SC${finding.code} (${finding.level}): ${finding.message}\n    ${source.trim()}`;
}

export function inlineExclusions(script: string): InlineExclusion[] {
  const lines = script.split('\n');
  return lines.flatMap((text, index) => {
    const match = /#\s*shellcheck\s+disable=([A-Za-z0-9,]+)(.*)$/.exec(text);
    if (!match) return [];
    const sameLine = /#\s*(.*\S)/.exec(match[2] ?? '')?.[1];
    const above = /^\s*#\s*(?!shellcheck\b)(.*\S)\s*$/.exec(lines[index - 1] ?? '')?.[1];
    return [
      {
        line: index + 1,
        codes: (match[1] ?? '').split(','),
        reason: (sameLine ?? above ?? '').trim(),
      },
    ];
  });
}
