import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface LintRecord {
  readonly level: 'crit' | 'warn' | 'info';
  readonly resource: string;
  readonly message: string;
}

interface CfnLintApi {
  validateFile(path: string, options?: { guessParameters?: string[] }): {
    templateValid: boolean;
    errors: Record<'crit' | 'warn' | 'info', { message: string; resource: string }[]>;
  };
}

/** Runs the npm `cfn-lint` (its own 2019 resource specification) on one template file. */
export function runNpmCfnLint(path: string): LintRecord[] {
  // The package is CommonJS with module-level state; its API resets it on each call.
  const cfnLint = require('cfn-lint') as CfnLintApi;
  const result = cfnLint.validateFile(path);
  return (['crit', 'warn', 'info'] as const).flatMap((level) =>
    result.errors[level].map((e) => ({ level, resource: e.resource, message: e.message })),
  );
}
