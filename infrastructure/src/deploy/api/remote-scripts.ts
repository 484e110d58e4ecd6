import {
  HEALTH_READY_PATH,
  INSTANCE_API_PORT,
  INSTANCE_LAYOUT as L,
  type Environment,
} from '@mini-ecommerce/stack-model';
import { CHECKSUMS_FILE, RELEASE_ID_PATTERN, instanceFunctions } from '../../instance/app-scripts';

export interface ReleaseSpec {
  readonly env: Environment;
  readonly region: string;
  readonly releaseId: string;
  /** Every file of the release with its download URL and checksum; server.mjs among them. */
  readonly files: readonly {
    readonly path: string;
    readonly url: string;
    readonly sha256: string;
  }[];
}

/** Single-quotes a value for sh; the only character to escape inside single quotes is the quote. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Markers the scripts print and `api:deploy` checks: a status of Success alone proves nothing. */
export const MARKERS = {
  previous: 'PREVIOUS_RELEASE=',
  active: 'ACTIVE_RELEASE=',
  ready: 'READY',
} as const;

function assertReleaseId(releaseId: string): void {
  if (!RELEASE_ID_PATTERN.test(releaseId))
    throw new Error(`not a release id: ${JSON.stringify(releaseId)}`);
}

function prelude(spec: Pick<ReleaseSpec, 'env' | 'region'>): string[] {
  return [
    'set -euo pipefail',
    `region=${shellQuote(spec.region)}`,
    `env=${shellQuote(spec.env)}`,
    ...instanceFunctions(),
  ];
}

/**
 * Downloads, verifies and activates a release with the same steps the boot script runs
 * (infrastructure/src/instance/app-scripts.ts), then reloads PM2. PM2 runs the API in cluster
 * mode so `reload` starts the new worker before stopping the old one: no dropped requests.
 * Prints PREVIOUS_RELEASE=<id> for the rollback and ACTIVE_RELEASE=<id> once switched.
 */
export function installScript(spec: ReleaseSpec): string[] {
  assertReleaseId(spec.releaseId);
  const release = `${L.releasesDir}/${spec.releaseId}`;
  return [
    ...prelude(spec),
    'command -v node >/dev/null || { echo "Node.js is not installed on this instance (the ec2 stack user data installs it)"; exit 1; }',
    'prepare_instance',
    `rm -rf ${release}.part && mkdir -p ${release}.part`,
    ...spec.files.flatMap((file) => [
      `mkdir -p "$(dirname ${shellQuote(`${release}.part/${file.path}`)})"`,
      `curl -fsS --retry 3 -o ${shellQuote(`${release}.part/${file.path}`)} ${shellQuote(file.url)}`,
    ]),
    `cat > ${release}.part/${CHECKSUMS_FILE} <<'SUMS'\n${checksums(spec.files)}\nSUMS`,
    `(cd ${release}.part && sha256sum -c --quiet ${CHECKSUMS_FILE})`,
    `rm -rf ${release} && mv ${release}.part ${release}`,
    'write_environment',
    `PREVIOUS="$(basename "$(readlink -f ${L.currentLink} 2>/dev/null || true)")"`,
    `valid_release_id "$PREVIOUS" >/dev/null 2>&1 && [ "$PREVIOUS" != ${shellQuote(spec.releaseId)} ] || PREVIOUS=""`,
    `echo "${MARKERS.previous}\${PREVIOUS}"`,
    `activate_release ${release}`,
    `ls -1dt ${L.releasesDir}/*/ | tail -n +${L.keepReleases + 1} | xargs -r rm -rf`,
  ];
}

/** The checksum file of a release, in `sha256sum -c` format. */
export function checksums(files: readonly { path: string; sha256: string }[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}`).join('\n');
}

/** The deploy gate: /health/ready must answer 200 within about a minute. */
export function gateScript(): string[] {
  return [
    'for attempt in $(seq 1 30); do',
    `  if curl -fsS -m 2 http://127.0.0.1:${INSTANCE_API_PORT}${HEALTH_READY_PATH}; then echo; echo ${MARKERS.ready}; exit 0; fi`,
    '  sleep 2',
    'done',
    `echo "${HEALTH_READY_PATH} did not answer 200 within 60 s; last log lines:"`,
    `runuser -u ${L.user} -- env PM2_HOME=${L.pm2Home} HOME=${L.home} pm2 logs ${L.pm2App} --nostream --lines 30 || true`,
    'exit 1',
  ];
}

/** Points `current` back at the previous release and reloads. */
export function rollbackScript(
  spec: Pick<ReleaseSpec, 'env' | 'region'>,
  previousRelease: string,
): string[] {
  assertReleaseId(previousRelease);
  const release = `${L.releasesDir}/${previousRelease}`;
  return [...prelude(spec), `test -f ${release}/server.mjs`, `activate_release ${release}`];
}
