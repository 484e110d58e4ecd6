import {
  checkCfnGuard,
  checkFreshness,
  checkNpmCfnLint,
  checkSpec,
  type ValidationSection,
} from './validate-all';

/** `nx run infra:validate`: every template check, one report, non-zero exit on any problem. */
const sections: ValidationSection[] = [
  await checkFreshness(),
  checkSpec(),
  checkNpmCfnLint(),
  checkCfnGuard(),
];
let failed = false;
for (const section of sections) {
  const ok = section.problems.length === 0;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${section.name}: ${section.summary}`);
  for (const problem of section.problems) console.log(`     ${problem}`);
}
process.exitCode = failed ? 1 : 0;
