import {
  API_NODE_FLAGS,
  APP_PARAMETERS,
  INSTANCE_API_HOST,
  INSTANCE_API_PORT,
  INSTANCE_LAYOUT as L,
  PROJECT_NAME,
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
  env: JSON.parse(fs.readFileSync('${L.environmentFile}', 'utf8')),
}] };`;

const asAppUser = (command: string) =>
  `runuser -u ${L.user} -- env PM2_HOME=${L.pm2Home} HOME=${L.home} ${command}`;

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
    // The user, the directories and PM2 itself: idempotent, so api:deploy can run it on any instance.
    'prepare_instance() {',
    `  id -u ${L.user} >/dev/null 2>&1 || useradd --system --home-dir ${L.home} --shell /sbin/nologin ${L.user}`,
    `  command -v pm2 >/dev/null || npm install -g pm2@${L.pm2Version} --no-fund --no-audit`,
    `  install -d -o root -g root -m 755 ${L.home} ${L.appDir} ${L.releasesDir}`,
    `  install -d -o ${L.user} -g ${L.user} -m 750 ${L.pm2Home} ${L.pm2Home}/logs`,
    '}',
    // Each value is read into a variable first, so a failed read stops the script (set -e).
    'write_environment() {',
    '  local NODE_ENV APP_ENV HOST PORT AWS_REGION IMAGES_BUCKET WEB_ORIGIN LOG_LEVEL JWT_SECRET',
    ...assignments.map((line) => `  ${line}`),
    `  export ${names.join(' ')}`,
    `  (umask 077 && node -e 'process.stdout.write(JSON.stringify(Object.fromEntries(process.argv.slice(1).map((n) => [n, process.env[n] ?? ""]))))' ${names.join(' ')} > ${L.environmentFile}.part)`,
    `  chown root:${L.user} ${L.environmentFile}.part && chmod 640 ${L.environmentFile}.part`,
    `  mv -f ${L.environmentFile}.part ${L.environmentFile}`,
    `  cat > ${L.ecosystemFile} <<'ECOSYSTEM'\n${ECOSYSTEM_CONFIG}\nECOSYSTEM`,
    `  chmod 644 ${L.ecosystemFile}`,
    '}',
    // $1: a release directory whose files were verified. Releases are root-owned and read-only
    // for the app user, so the process it runs as cannot change the code it runs.
    'activate_release() {',
    `  echo '${CJS_WRAPPER}' > "$1/server.cjs"`,
    '  chown -R root:root "$1" && chmod -R go-w,a+rX "$1"',
    `  ln -sfn "$1" ${L.currentLink}.next && mv -Tf ${L.currentLink}.next ${L.currentLink}`,
    `  ${asAppUser(`pm2 startOrReload ${L.ecosystemFile} --update-env`)}`,
    `  ${asAppUser('pm2 save --force')}`,
    `  [ -f /etc/systemd/system/pm2-${L.user}.service ] || pm2 startup systemd -u ${L.user} --hp ${L.home} >/dev/null`,
    '  echo "ACTIVE_RELEASE=$(basename "$1")"',
    '}',
  ];
}

/** Escapes `${` for embedding in Fn::Sub text (CloudFormation writes `${!x}` back as `${x}`). */
export function forFnSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}
