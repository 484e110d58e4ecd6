import { fileURLToPath } from 'node:url';
import {
  API_NODE_FLAGS,
  APP_PARAMETERS,
  INSTANCE_API_HOST,
  INSTANCE_API_PORT,
  INSTANCE_LAYOUT as L,
  PROJECT_NAME,
  apiReleasePrefix,
  type Environment,
} from '@mini-ecommerce/stack-model';

/**
 * The shell both install paths run on an API instance: the EC2 user data at boot and
 * `nx run api:deploy` through Run Command. One module, so a booted instance and a deployed one
 * cannot drift apart (environment, PM2 config, ownership). Plain bash; the user data escapes it
 * for Fn::Sub with `forFnSub`. Callers set the shell variables `region` and `env` first.
 */

/** A release id as `api:deploy` makes them (`20261129T120000-0123456789ab`); nothing else is installed. */
export const RELEASE_ID_PATTERN = /^[0-9]{8}T[0-9]{6}-[0-9a-f]{12}$/;
const RELEASE_ID_SHELL_PATTERN = '[0-9]{8}T[0-9]{6}-[0-9a-f]{12}';

/** Checksums of the release's files, uploaded with them and checked before a release is switched to. */
export const CHECKSUMS_FILE = 'SHA256SUMS';

/**
 * PM2 is pinned by a lock file, not by a version range resolved at boot: the manifest and lock in
 * ./pm2 (pm2 6.0.14 and each of its dependencies with its registry integrity hash) travel in
 * every release under `pm2/`, so SHA256SUMS (and through it the apiRelease parameter) vouches for
 * them, and `npm ci --ignore-scripts` installs exactly that tree, checking every tarball against
 * the lock, with no install script run as root.
 */
export const PM2_LOCK_DIR = fileURLToPath(new URL('./pm2/', import.meta.url));
/** Where the lock sits inside a release. */
export const PM2_RELEASE_DIR = 'pm2';
export const PM2_FILES = ['package.json', 'package-lock.json'] as const;
/** Root-owned and read-only for the app user: the process PM2 runs cannot change PM2. */
export const PM2_PREFIX = `${L.home}/pm2`;
export const PM2_BIN = `${PM2_PREFIX}/node_modules/.bin/pm2`;

/** A file of a release as SHA256SUMS may name it: relative, no `.` or `..` segment, no odd characters. */
export const RELEASE_PATH_PATTERN =
  /^(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9@._-]+(\/[A-Za-z0-9@._-]+)*$/;
const RELEASE_PATH_SHELL_PATTERN = '^[A-Za-z0-9@._-]+(/[A-Za-z0-9@._-]+)*$';
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * What `api:deploy` records in the `apiRelease` parameter once every instance passed the gate:
 * the release id and the SHA-256 of the release's SHA256SUMS exactly as uploaded. A booting
 * instance trusts the bucket for nothing this digest does not vouch for, so an object planted in
 * the bucket (a new release prefix, a changed file, a changed SHA256SUMS) is never installed.
 */
export function releasePointer(releaseId: string, checksumsSha256: string): string {
  if (!RELEASE_ID_PATTERN.test(releaseId)) throw new Error(`not a release id: ${releaseId}`);
  if (!SHA256_PATTERN.test(checksumsSha256)) throw new Error(`not a SHA-256: ${checksumsSha256}`);
  return JSON.stringify({ releaseId, checksumsSha256 });
}
/** The same format as a bash regular expression (BASH_REMATCH[1]: the id, [2]: the digest). */
const RELEASE_POINTER_SHELL_PATTERN = `^\\{"releaseId":"(${RELEASE_ID_SHELL_PATTERN})","checksumsSha256":"([0-9a-f]{64})"\\}$`;

/**
 * PM2's cluster mode loads the script with require(); this CommonJS file hands over to the ES
 * module bundle. The bundle test starts the API through it exactly as PM2 does.
 */
export const CJS_WRAPPER =
  'import("./server.mjs").catch((error) => { console.error(error); process.exit(1); });';

/** The environment variables of the API on an instance, and where each value comes from. */
export const INSTANCE_ENVIRONMENT = {
  NODE_ENV: { literal: 'production' },
  APP_ENV: { shell: '$env' },
  HOST: { literal: INSTANCE_API_HOST },
  PORT: { literal: String(INSTANCE_API_PORT) },
  AWS_REGION: { shell: '$region' },
  IMAGES_BUCKET: { parameter: APP_PARAMETERS.imagesBucket },
  WEB_ORIGIN: { parameter: APP_PARAMETERS.webOrigin },
  LOG_LEVEL: { parameter: APP_PARAMETERS.logLevel },
  JWT_SECRET: { parameter: APP_PARAMETERS.jwtSecret, secure: true },
} as const satisfies Record<
  string,
  { literal: string } | { shell: string } | { parameter: string; secure?: boolean }
>;

/**
 * PM2's process file. Static text: the values live in the environment file, which only root and
 * the app's group can read, so no secret is ever part of a command line or this file.
 */
export const ECOSYSTEM_CONFIG = `const fs = require('node:fs');
module.exports = { apps: [{
  name: '${L.pm2App}',
  script: '${L.currentLink}/server.cjs',
  exec_mode: 'cluster',
  instances: 1,
  max_memory_restart: '300M',
  kill_timeout: 10000,
  listen_timeout: 15000,
  // No --enable-source-maps: the map stays out of the release (it would cost memory a t3.micro lacks).
  node_args: '${API_NODE_FLAGS.join(' ')}',
  // Outside PM2_HOME, which only the app user may enter: the CloudWatch agent ships these.
  out_file: '${L.logDir}/${L.pm2App}-out.log',
  error_file: '${L.logDir}/${L.pm2App}-error.log',
  env: JSON.parse(fs.readFileSync('${L.environmentFile}', 'utf8')),
}] };`;

/** A PM2 command as the app user, with the PM2 the release's lock installed. */
export const asAppUser = (command: string) =>
  `runuser -u ${L.user} -- env PM2_HOME=${L.pm2Home} HOME=${L.home} ${command.replace(/^pm2 /, `${PM2_BIN} `)}`;

/** Files `pm2 save` writes: the process list with each process's environment, JWT secret included. */
const PM2_DUMP_FILES = [`${L.pm2Home}/dump.pm2`, `${L.pm2Home}/dump.pm2.bak`];

/** Shell functions every install path defines first. */
export function instanceFunctions(): string[] {
  const names = Object.keys(INSTANCE_ENVIRONMENT);
  const assignments = Object.entries(INSTANCE_ENVIRONMENT).map(([name, source]) => {
    if ('literal' in source) return `${name}='${source.literal}'`;
    if ('shell' in source) return `${name}="${source.shell}"`;
    return `${name}="$(app_param ${source.parameter}${'secure' in source ? ' --with-decryption' : ''})"`;
  });
  return [
    `app_param() { aws ssm get-parameter --region "$region" --name "/${PROJECT_NAME}/$env/$1" "\${@:2}" --query Parameter.Value --output text; }`,
    'valid_release_id() {',
    `  [[ "$1" =~ ^${RELEASE_ID_SHELL_PATTERN}$ ]] || { echo "refusing release id '$1': not of the form api:deploy makes"; return 1; }`,
    '}',
    // The user and the directories: idempotent, so api:deploy can run it on any instance.
    // PM2_HOME is the app user's alone (700): dump.pm2 in it holds the API's environment.
    'prepare_instance() {',
    `  id -u ${L.user} >/dev/null 2>&1 || useradd --system --home-dir ${L.home} --shell /sbin/nologin ${L.user}`,
    `  install -d -o root -g root -m 755 ${L.home} ${L.appDir} ${L.releasesDir}`,
    `  install -d -o ${L.user} -g ${L.user} -m 700 ${L.pm2Home}`,
    `  install -d -o ${L.user} -g ${L.user} -m 755 ${L.logDir}`,
    '}',
    // Each value is read into a variable first, so a failed read stops the script (set -e).
    'write_environment() {',
    `  local ${names.join(' ')}`,
    ...assignments.map((line) => `  ${line}`),
    `  export ${names.join(' ')}`,
    `  (umask 077 && node -e 'process.stdout.write(JSON.stringify(Object.fromEntries(process.argv.slice(1).map((n) => [n, process.env[n] ?? ""]))))' ${names.join(' ')} > ${L.environmentFile}.part)`,
    `  chown root:${L.user} ${L.environmentFile}.part && chmod 640 ${L.environmentFile}.part`,
    `  mv -f ${L.environmentFile}.part ${L.environmentFile}`,
    `  cat > ${L.ecosystemFile} <<'ECOSYSTEM'\n${ECOSYSTEM_CONFIG}\nECOSYSTEM`,
    `  chmod 644 ${L.ecosystemFile}`,
    '}',
    // $1: a verified release. Installs the PM2 its lock pins unless that exact lock is installed;
    // a release from before the lock (a rollback to it) keeps the PM2 already there.
    'install_pm2() {',
    `  local lock="$1/${PM2_RELEASE_DIR}/package-lock.json" next="${PM2_PREFIX}.next"`,
    '  if [ ! -f "$lock" ]; then',
    `    [ -x ${PM2_BIN} ] && return 0`,
    `    echo "refusing release $(basename "$1"): it carries no ${PM2_RELEASE_DIR}/package-lock.json and PM2 is not installed"`,
    '    return 1',
    '  fi',
    `  if [ -x ${PM2_BIN} ] && [ "$(sha256sum < "$lock")" = "$(sha256sum < ${PM2_PREFIX}/package-lock.json)" ]; then return 0; fi`,
    '  rm -rf -- "$next" && install -d -o root -g root -m 755 "$next"',
    ...PM2_FILES.map((file) => `  cp -- "$1/${PM2_RELEASE_DIR}/${file}" "$next/${file}"`),
    '  (cd -- "$next" && npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier)',
    '  chown -R root:root "$next" && chmod -R go-w,a+rX "$next"',
    `  rm -rf -- ${PM2_PREFIX} && mv -T -- "$next" ${PM2_PREFIX}`,
    '}',
    // $1: a release directory whose files were verified. Releases are root-owned and read-only
    // for the app user, so the process it runs as cannot change the code it runs.
    'activate_release() {',
    `  echo '${CJS_WRAPPER}' > "$1/server.cjs"`,
    '  chown -R root:root "$1" && chmod -R go-w,a+rX "$1"',
    '  install_pm2 "$1"',
    `  ln -sfn "$1" ${L.currentLink}.next && mv -Tf ${L.currentLink}.next ${L.currentLink}`,
    `  ${asAppUser(`pm2 startOrReload ${L.ecosystemFile} --update-env`)}`,
    // pm2 save writes the environment into dump.pm2: never readable by anyone but the app user.
    `  (umask 077 && ${asAppUser('pm2 save --force')})`,
    `  chmod 600 ${PM2_DUMP_FILES.map((f) => `"${f}"`).join(' ')} 2>/dev/null || true`,
    // The unit boots the pinned PM2 (an instance set up before the lock has one for another pm2).
    `  grep -qs ${PM2_PREFIX}/ /etc/systemd/system/pm2-${L.user}.service || ${PM2_BIN} startup systemd -u ${L.user} --hp ${L.home} >/dev/null`,
    '  echo "ACTIVE_RELEASE=$(basename "$1")"',
    '}',
    // Keeps the newest releases (ids sort by time) and the active one; NUL-separated and quoted,
    // so no directory name is ever split or read as an option.
    'prune_releases() {',
    '  local active dir',
    `  active="$(readlink -f ${L.currentLink} 2>/dev/null || true)"`,
    `  find ${L.releasesDir} -mindepth 1 -maxdepth 1 -type d -name '????????T??????-????????????' -print0 |`,
    `    sort -z -r | tail -z -n +${L.keepReleases + 1} |`,
    `    while IFS= read -r -d '' dir; do`,
    '      if [ "$dir" != "$active" ]; then rm -rf -- "$dir"; fi',
    '    done',
    '}',
    // Boot: $1 is the apiRelease parameter's value, $2 the artifacts bucket. Only the release the
    // parameter names is fetched, only the files its SHA256SUMS lists, and only when SHA256SUMS
    // has the digest the parameter records; every file is checked before the switch.
    'install_recorded_release() {',
    `  local pointer="$1" bucket="$2" pattern='${RELEASE_POINTER_SHELL_PATTERN}'`,
    `  local line_pattern='^[0-9a-f]{64}  ' path_pattern='${RELEASE_PATH_SHELL_PATTERN}'`,
    '  local release_id sums_sha256 release origin line file',
    '  if ! [[ "$pointer" =~ $pattern ]]; then',
    `    echo "refusing /${PROJECT_NAME}/$env/${APP_PARAMETERS.apiRelease}: not the {releaseId, checksumsSha256} JSON api:deploy records (run nx run api:deploy)"`,
    '    return 1',
    '  fi',
    '  release_id="${BASH_REMATCH[1]}"',
    '  sums_sha256="${BASH_REMATCH[2]}"',
    `  release="${L.releasesDir}/$release_id"`,
    `  origin="s3://$bucket/${apiReleasePrefix('$env' as Environment)}$release_id"`,
    '  rm -rf -- "$release.part" && mkdir -p -- "$release.part"',
    `  aws s3 cp --only-show-errors --region "$region" "$origin/${CHECKSUMS_FILE}" "$release.part/${CHECKSUMS_FILE}"`,
    `  if [ "$(sha256sum < "$release.part/${CHECKSUMS_FILE}" | cut -d ' ' -f 1)" != "$sums_sha256" ]; then`,
    `    echo "refusing release $release_id: its ${CHECKSUMS_FILE} in the bucket is not the one api:deploy recorded"`,
    '    return 1',
    '  fi',
    '  while IFS= read -r line || [ -n "$line" ]; do',
    '    file="${line:66}"',
    '    if ! [[ "$line" =~ $line_pattern ]] || ! [[ "$file" =~ $path_pattern ]] || [[ "/$file/" == */./* || "/$file/" == */../* ]]; then',
    `      echo "refusing release $release_id: unexpected line in ${CHECKSUMS_FILE}: $line"`,
    '      return 1',
    '    fi',
    '    mkdir -p -- "$(dirname -- "$release.part/$file")"',
    '    aws s3 cp --only-show-errors --region "$region" "$origin/$file" "$release.part/$file"',
    `  done < "$release.part/${CHECKSUMS_FILE}"`,
    `  (cd -- "$release.part" && sha256sum -c --quiet --strict ${CHECKSUMS_FILE})`,
    '  rm -rf -- "$release" && mv -- "$release.part" "$release"',
    '  write_environment',
    '  activate_release "$release"',
    '  prune_releases',
    '}',
  ];
}

/** Escapes `${` for embedding in Fn::Sub text (CloudFormation writes `${!x}` back as `${x}`). */
export function forFnSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}
