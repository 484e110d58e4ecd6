import { API_PORT, type Environment, API_NODE_FLAGS } from '@mini-ecommerce/stack-model';
import { jwtSecretName } from './jwt-secret';

/** Where releases live on the instance: releases/<id>/server.mjs, with `current` pointing at one. */
export const APP_DIR = '/opt/mini-ecommerce/api';
export const APP_USER = 'mini-ecommerce';
const PM2_HOME = '/opt/mini-ecommerce/.pm2';
const PM2_APP = 'mini-ecommerce-api';
/** Releases kept on disk for rollback. */
const KEEP_RELEASES = 5;

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
  /** Extra environment for the API (IMAGES_BUCKET, WEB_ORIGIN), read from stack outputs. */
  readonly environment: Readonly<Record<string, string>>;
}

/** Single-quotes a value for sh; the only character to escape inside single quotes is the quote. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * PM2's cluster mode loads the script with require(); this CommonJS file hands over to the ES
 * module bundle. The bundle test starts the API through it exactly as PM2 does.
 */
export const CJS_WRAPPER =
  'import("./server.mjs").catch((error) => { console.error(error); process.exit(1); });';

const asAppUser = (command: string) =>
  `runuser -u ${APP_USER} -- env PM2_HOME=${PM2_HOME} HOME=/opt/mini-ecommerce ${command}`;

/**
 * Downloads, verifies and activates a release, then reloads PM2. PM2 runs the API in cluster
 * mode so `reload` starts the new worker before stopping the old one: no dropped requests.
 * Prints PREVIOUS_RELEASE=<id> for the rollback.
 */
export function installScript(spec: ReleaseSpec): string[] {
  const release = `${APP_DIR}/releases/${spec.releaseId}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    APP_ENV: spec.env,
    HOST: '0.0.0.0',
    PORT: String(API_PORT),
    AWS_REGION: spec.region,
    ...spec.environment,
  };
  const ecosystem = `const fs = require('node:fs');
module.exports = { apps: [{
  name: '${PM2_APP}',
  script: '${APP_DIR}/current/server.cjs',
  exec_mode: 'cluster',
  instances: 1,
  max_memory_restart: '300M',
  kill_timeout: 10000,
  listen_timeout: 15000,
  // No --enable-source-maps: parsing the bundle's map would cost more memory than a t3.micro's budget allows;
  // the bundle is not minified, so stack traces stay readable.
  node_args: '${API_NODE_FLAGS.join(' ')}',
  env: Object.assign(${JSON.stringify(env)}, { JWT_SECRET: fs.readFileSync('${APP_DIR}/jwt-secret', 'utf8').trim() }),
}] };`;
  return [
    'set -euo pipefail',
    'command -v node >/dev/null || { echo "Node.js is not installed on this instance (the ec2 stack user data installs it)"; exit 1; }',
    'command -v pm2 >/dev/null || npm install -g pm2@6 --no-fund --no-audit',
    `id -u ${APP_USER} >/dev/null 2>&1 || useradd --system --home-dir /opt/mini-ecommerce --shell /sbin/nologin ${APP_USER}`,
    `rm -rf ${release}.part && mkdir -p ${release}.part ${PM2_HOME}`,
    ...spec.files.flatMap((file) => [
      `mkdir -p "$(dirname ${release}.part/${file.path})"`,
      `curl -fsS --retry 3 -o ${release}.part/${file.path} ${shellQuote(file.url)}`,
    ]),
    `cat > ${release}.part/SHA256SUMS <<'SUMS'\n${spec.files.map((file) => `${file.sha256}  ${file.path}`).join('\n')}\nSUMS`,
    `(cd ${release}.part && sha256sum -c --quiet SHA256SUMS)`,
    `rm -rf ${release} && mv ${release}.part ${release}`,
    `echo ${shellQuote(CJS_WRAPPER)} > ${release}/server.cjs`,
    // The secret is read on the instance with its own role, so it never appears in command history.
    `aws ssm get-parameter --region ${shellQuote(spec.region)} --name ${shellQuote(jwtSecretName(spec.env))} --with-decryption --query Parameter.Value --output text > ${APP_DIR}/jwt-secret.part`,
    `mv ${APP_DIR}/jwt-secret.part ${APP_DIR}/jwt-secret && chmod 600 ${APP_DIR}/jwt-secret`,
    `cat > ${APP_DIR}/ecosystem.config.cjs <<'ECOSYSTEM'\n${ecosystem}\nECOSYSTEM`,
    `PREVIOUS="$(basename "$(readlink -f ${APP_DIR}/current 2>/dev/null || true)")"`,
    `if [ "$PREVIOUS" = "current" ] || [ "$PREVIOUS" = "${spec.releaseId}" ]; then PREVIOUS=""; fi`,
    'echo "PREVIOUS_RELEASE=${PREVIOUS}"',
    `ln -sfn ${release} ${APP_DIR}/current.next && mv -Tf ${APP_DIR}/current.next ${APP_DIR}/current`,
    `chown -R ${APP_USER}: /opt/mini-ecommerce`,
    asAppUser(`pm2 startOrReload ${APP_DIR}/ecosystem.config.cjs --update-env`),
    asAppUser('pm2 save --force'),
    // Survive reboots; idempotent, and cheap once the unit exists.
    `[ -f /etc/systemd/system/pm2-${APP_USER}.service ] || pm2 startup systemd -u ${APP_USER} --hp /opt/mini-ecommerce >/dev/null`,
    `ls -1dt ${APP_DIR}/releases/*/ | tail -n +${KEEP_RELEASES + 1} | xargs -r rm -rf`,
    `echo "ACTIVE_RELEASE=${spec.releaseId}"`,
  ];
}

/** The deploy gate: /health/ready must answer 200 within about a minute. */
export function gateScript(): string[] {
  return [
    'for attempt in $(seq 1 30); do',
    `  if curl -fsS -m 2 http://127.0.0.1:${API_PORT}/health/ready; then echo; echo READY; exit 0; fi`,
    '  sleep 2',
    'done',
    'echo "/health/ready did not answer 200 within 60 s; last log lines:"',
    asAppUser(`pm2 logs ${PM2_APP} --nostream --lines 30`) + ' || true',
    'exit 1',
  ];
}

/** Points `current` back at the previous release and reloads. */
export function rollbackScript(previousRelease: string): string[] {
  const release = `${APP_DIR}/releases/${previousRelease}`;
  return [
    'set -euo pipefail',
    `test -f ${release}/server.mjs`,
    `ln -sfn ${release} ${APP_DIR}/current.next && mv -Tf ${APP_DIR}/current.next ${APP_DIR}/current`,
    asAppUser(`pm2 reload ${APP_DIR}/ecosystem.config.cjs --update-env`),
    asAppUser('pm2 save --force'),
    `echo "ACTIVE_RELEASE=${previousRelease}"`,
  ];
}
