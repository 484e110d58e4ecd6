import { execFileSync } from 'node:child_process';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { TemplateOnDisk } from './templates-on-disk';

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));

/** The AWS Control Tower proactive controls shipped with `@cdklabs/cdk-validator-cfnguard`. */
export const CONTROL_TOWER_RULES = join(PACKAGE_ROOT, 'rules', 'control-tower', 'cfn-guard');

/** The cfn-guard binary the package ships for this machine (the same choice its CDK plugin makes). */
export function cfnGuardBinary(): string {
  const os = platform() === 'linux' ? 'ubuntu' : platform() === 'darwin' ? 'macos' : undefined;
  const cpu = arch() === 'x64' ? 'x86_64' : arch() === 'arm64' ? 'aarch64' : undefined;
  if (!os || !cpu)
    throw new Error(
      `cfn-guard is shipped for Linux and macOS on x64/arm64, not ${platform()}/${arch()}`,
    );
  return join(PACKAGE_ROOT, 'bin', os, cpu, 'cfn-guard');
}

export interface GuardFinding {
  readonly file: string;
  readonly resource: string;
  /** Control id, e.g. CT.S3.PR.2. */
  readonly control: string;
  readonly rule: string;
  /** Suppressed in the resource's Metadata (guard.SuppressedRules) with a written reason. */
  readonly suppressed: boolean;
}

export interface GuardReport {
  readonly findings: GuardFinding[];
  /** Suppressions in the templates that no finding needs any more. */
  readonly staleSuppressions: string[];
}

interface GuardFileResult {
  readonly name: string;
  readonly not_compliant?: unknown[];
}

/**
 * Runs cfn-guard with every Control Tower rule over the templates and sorts each failure into
 * suppressed (listed in that resource's `Metadata.guard.SuppressedRules`, reason in
 * `Metadata.Exceptions`) or not. The rules themselves ignore Metadata, so this is where a
 * suppression takes effect.
 */
export function runCfnGuard(templates: readonly TemplateOnDisk[]): GuardReport {
  let output: string;
  try {
    output = execFileSync(
      cfnGuardBinary(),
      [
        'validate',
        '--rules',
        CONTROL_TOWER_RULES,
        ...templates.flatMap((t) => ['--data', t.path]),
        '--output-format',
        'json',
        '--structured',
        '--show-summary',
        'none',
      ],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
  } catch (error) {
    // cfn-guard exits non-zero when any rule fails; the report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    output = stdout;
  }
  const results = JSON.parse(output) as GuardFileResult[];
  const findings = new Map<string, GuardFinding>();
  const used = new Set<string>();
  for (const result of results) {
    const template = templates.find((t) => t.path === result.name);
    if (!template) throw new Error(`cfn-guard reported on an unknown file ${result.name}`);
    for (const failure of result.not_compliant ?? []) {
      const text = JSON.stringify(failure);
      const control = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(text)?.[1] ?? 'UNKNOWN';
      const rule = (failure as { Rule?: { name?: string } }).Rule?.name ?? 'unknown';
      const resources = new Set(
        [...text.matchAll(/"\/Resources\/([A-Za-z0-9]+)/g)].map((m) => m[1] ?? ''),
      );
      for (const resource of resources) {
        const suppressed = suppressions(template, resource).includes(control);
        if (suppressed) used.add(`${template.file} ${resource} ${control}`);
        findings.set(`${template.file} ${resource} ${control}`, {
          file: template.file,
          resource,
          control,
          rule,
          suppressed,
        });
      }
    }
  }
  const staleSuppressions = templates.flatMap((template) =>
    Object.keys(template.document.Resources).flatMap((resource) =>
      suppressions(template, resource)
        .filter((control) => !used.has(`${template.file} ${resource} ${control}`))
        .map((control) => `${template.file} ${resource} ${control}`),
    ),
  );
  return { findings: [...findings.values()], staleSuppressions };
}

function suppressions(template: TemplateOnDisk, resource: string): string[] {
  const metadata = template.document.Resources[resource]?.Metadata as
    { guard?: { SuppressedRules?: string[] }; Exceptions?: Record<string, string> } | undefined;
  const reasons = metadata?.Exceptions ?? {};
  // A suppression without a written reason does not count.
  return (metadata?.guard?.SuppressedRules ?? []).filter(
    (control) => (reasons[control] ?? '').trim().length > 0,
  );
}
