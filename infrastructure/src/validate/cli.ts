import {
  checkCfnGuard,
  checkFreshness,
  checkNpmCfnLint,
  checkPythonCfnLint,
  checkSpec,
  type ValidationSection,
} from './validate-all';

/** `nx run infra:validate`: every template check, one report, non-zero exit on any problem. */
const sections: ValidationSection[] = [
  await checkFreshness(),
  checkSpec(),
  checkNpmCfnLint(),
  checkPythonCfnLint(),
  checkCfnGuard(),
];
let failed = false;
for (const section of sections) {
  const ok = section.problems.length === 0;
  failed ||= !ok;
  const status = !ok ? 'FAIL' : section.skipped ? 'skip' : 'ok  ';
  console.log(`${status} ${section.name}: ${section.summary}`);
  for (const problem of section.problems) console.log(`     ${problem}`);
  for (const note of section.notes ?? []) console.log(`     note: ${note}`);
}
process.exitCode = failed ? 1 : 0;
