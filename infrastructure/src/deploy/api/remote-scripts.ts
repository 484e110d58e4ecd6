import {
  HEALTH_READY_PATH,
  INSTANCE_API_PORT,
  INSTANCE_LAYOUT as L,
  type Environment,
} from '@mini-ecommerce/stack-model';
import {
  CHECKSUMS_FILE,
  RELEASE_ID_PATTERN,
  RELEASE_PATH_PATTERN,
  asAppUser,
  instanceFunctions,
} from '../../instance/app-scripts';

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

/** The checksum lines go into a heredoc and the paths into commands: nothing unexpected passes. */
function assertReleaseFiles(files: ReleaseSpec['files']): void {
  for (const file of files) {
    if (!RELEASE_PATH_PATTERN.test(file.path))
      throw new Error(`not a release file path: ${JSON.stringify(file.path)}`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256))
      throw new Error(`not a SHA-256 for ${file.path}: ${JSON.stringify(file.sha256)}`);
    if (!URL_PATTERN.test(file.url))
      throw new Error(`not a download URL for ${file.path}: ${JSON.stringify(file.url)}`);
  }
}

/** AWS region names (`eu-west-1`, `us-gov-west-1`): nothing else becomes the script's region. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;
/**
 * A download URL as the S3 presigner writes it: URL characters only, none that means anything
 * to the shell inside single quotes (no quote, `$`, backtick, backslash or whitespace).
 */
const URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?\/[A-Za-z0-9\-._~:/?#@!&()*+,;=%[\]]*$/;

function prelude(spec: Pick<ReleaseSpec, 'env' | 'region'>): string[] {
  if (!REGION_PATTERN.test(spec.region))
    throw new Error(`not an AWS region: ${JSON.stringify(spec.region)}`);
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
  assertReleaseFiles(spec.files);
  const release = shellQuote(`${L.releasesDir}/${spec.releaseId}`);
  const part = shellQuote(`${L.releasesDir}/${spec.releaseId}.part`);
  return [
    ...prelude(spec),
    'command -v node >/dev/null || { echo "Node.js is not installed on this instance (the ec2 stack user data installs it)"; exit 1; }',
    'prepare_instance',
    `rm -rf -- ${part} && mkdir -p -- ${part}`,
    ...spec.files.flatMap((file) => [
      `mkdir -p -- "$(dirname -- ${shellQuote(`${L.releasesDir}/${spec.releaseId}.part/${file.path}`)})"`,
      `curl -fsS --retry 3 -o ${shellQuote(`${L.releasesDir}/${spec.releaseId}.part/${file.path}`)} ${shellQuote(file.url)}`,
    ]),
    `cat > ${shellQuote(`${L.releasesDir}/${spec.releaseId}.part/${CHECKSUMS_FILE}`)} <<'SUMS'\n${checksums(spec.files)}\nSUMS`,
    `(cd -- ${part} && sha256sum -c --quiet --strict ${CHECKSUMS_FILE})`,
    `rm -rf -- ${release} && mv -- ${part} ${release}`,
    'write_environment',
    `PREVIOUS="$(basename "$(readlink -f ${L.currentLink} 2>/dev/null || true)")"`,
    `valid_release_id "$PREVIOUS" >/dev/null 2>&1 && [ "$PREVIOUS" != ${shellQuote(spec.releaseId)} ] || PREVIOUS=""`,
    `echo "${MARKERS.previous}\${PREVIOUS}"`,
    `activate_release ${release}`,
    'prune_releases',
  ];
}

/** The checksum file of a release, in `sha256sum -c` format. */
export function checksums(files: readonly { path: string; sha256: string }[]): string {
  return files.map((file) => `${file.sha256}  ${file.path}`).join('\n');
}

/** The deploy gate: /health/ready must answer 200 within about a minute. */
export function gateScript(): string[] {
  return [
    'for _ in $(seq 1 30); do',
    `  if curl -fsS -m 2 http://127.0.0.1:${INSTANCE_API_PORT}${HEALTH_READY_PATH}; then echo; echo ${MARKERS.ready}; exit 0; fi`,
    '  sleep 2',
    'done',
    `echo "${HEALTH_READY_PATH} did not answer 200 within 60 s; last log lines:"`,
    `${asAppUser(`pm2 logs ${L.pm2App} --nostream --lines 30`)} || true`,
    'exit 1',
  ];
}

/** Points `current` back at the previous release and reloads. */
export function rollbackScript(
  spec: Pick<ReleaseSpec, 'env' | 'region'>,
  previousRelease: string,
): string[] {
  assertReleaseId(previousRelease);
  const release = shellQuote(`${L.releasesDir}/${previousRelease}`);
  return [...prelude(spec), `test -f ${release}/server.mjs`, `activate_release ${release}`];
}

/**
 * After `api:rotate-secret`: writes the environment again (the new secret included) and reloads
 * the active release with it. Prints ACTIVE_RELEASE=<id> like the install.
 */
export function reloadScript(spec: Pick<ReleaseSpec, 'env' | 'region'>): string[] {
  return [
    ...prelude(spec),
    `active="$(readlink -f ${L.currentLink} 2>/dev/null || true)"`,
    'valid_release_id "$(basename "$active")" || { echo "no active release on this instance: nx run api:deploy installs one"; exit 1; }',
    'write_environment',
    'activate_release "$active"',
  ];
}
