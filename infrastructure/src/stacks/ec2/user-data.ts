import {
  AGENT_METRICS_NAMESPACE,
  API_PORT,
  APP_PARAMETERS,
  PROJECT_NAME,
  apiReleasePrefix,
  API_NODE_FLAGS,
} from '@mini-ecommerce/stack-model';
import { ENV_PLACEHOLDER } from '../common';

/**
 * The on-instance layout `nx run api:deploy` (infrastructure/src/deploy/api/remote-scripts.ts)
 * installs releases into; the boot script prepares it and installs the newest release so that a
 * replaced or scaled-out instance serves without waiting for the next deploy.
 */
export const APP_USER = PROJECT_NAME;
export const APP_HOME = `/opt/${PROJECT_NAME}`;
export const APP_DIR = `${APP_HOME}/api`;
export const PM2_HOME = `${APP_HOME}/.pm2`;
export const PM2_APP = `${PROJECT_NAME}-api`;
/** PM2 from npm at a pinned version, so every instance runs the same one. */
export const PM2_VERSION = '6.0.14';

/**
 * The CloudWatch agent configuration: application and boot logs to the stack's log groups,
 * memory and root-disk use as metrics (aggregated per instance and per Auto Scaling group, the
 * dimensions the monitoring stack's alarms use), and an EMF endpoint for the API's metrics.
 */
export function agentConfig(): string {
  const config = {
    agent: { metrics_collection_interval: 60, run_as_user: 'cwagent' },
    metrics: {
      namespace: AGENT_METRICS_NAMESPACE,
      append_dimensions: {
        InstanceId: '${aws:InstanceId}',
        AutoScalingGroupName: '${aws:AutoScalingGroupName}',
      },
      aggregation_dimensions: [['InstanceId'], ['AutoScalingGroupName']],
      metrics_collected: {
        mem: { measurement: ['mem_used_percent'] },
        disk: { measurement: ['used_percent'], resources: ['/'], drop_device: true },
      },
    },
    logs: {
      metrics_collected: { emf: {} },
      logs_collected: {
        files: {
          collect_list: [
            {
              file_path: `${PM2_HOME}/logs/${PM2_APP}-out*.log`,
              log_group_name: '__APP_LOG_GROUP__',
              log_stream_name: '{instance_id}/api',
            },
            {
              file_path: `${PM2_HOME}/logs/${PM2_APP}-error*.log`,
              log_group_name: '__APP_LOG_GROUP__',
              log_stream_name: '{instance_id}/api-error',
            },
            {
              file_path: '/var/log/cloud-init-output.log',
              log_group_name: '__SYSTEM_LOG_GROUP__',
              log_stream_name: '{instance_id}/cloud-init',
            },
          ],
        },
      },
    },
  };
  // `${...}` is Fn::Sub syntax: the agent's own placeholders are escaped as `${!...}`.
  return JSON.stringify(config, null, 2)
    .replace(/\$\{aws:/g, '${!aws:')
    .replace(/__APP_LOG_GROUP__/g, '${AppLogGroup}')
    .replace(/__SYSTEM_LOG_GROUP__/g, '${SystemLogGroup}');
}

/**
 * Boot script (Fn::Sub text): Node.js 22 from the distribution, PM2, the CloudWatch agent, the
 * unprivileged user the API runs as, the newest uploaded release if there is one, then the
 * signal to CloudFormation. Before the first `nx run api:deploy` there is no release and the
 * instance still signals success.
 */
export function userDataScript(): string {
  const parameters = `/${PROJECT_NAME}/\${Environment}`;
  const asApp = `runuser -u ${APP_USER} -- env PM2_HOME=${PM2_HOME} HOME=${APP_HOME}`;
  return `#!/bin/bash
# Generated from infrastructure/src/stacks/ec2/user-data.ts
set -euo pipefail
exec > >(tee -a /var/log/cloud-init-output.log) 2>&1
signal() {
  /opt/aws/bin/cfn-signal --exit-code "$1" --stack "\${AWS::StackName}" --resource "\${SignalResource}" --region "\${AWS::Region}" || true
}
trap 'signal 1' ERR

dnf install -y nodejs22 nodejs22-npm amazon-cloudwatch-agent aws-cfn-bootstrap
# AL2023 installs Node.js 22 side by side as node-22; make it the node on PATH.
if ! node --version 2>/dev/null | grep -q '^v22'; then
  ln -sf "$(command -v node-22)" /usr/local/bin/node
  ln -sf "$(command -v npm-22)" /usr/local/bin/npm
fi
npm install -g pm2@${PM2_VERSION} --no-fund --no-audit

id -u ${APP_USER} >/dev/null 2>&1 || useradd --system --home-dir ${APP_HOME} --shell /sbin/nologin ${APP_USER}
mkdir -p ${APP_DIR}/releases ${PM2_HOME}/logs

cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'AGENT'
${agentConfig()}
AGENT
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json

region="\${AWS::Region}"
param() { aws ssm get-parameter --region "$region" --name "${parameters}/$1" "\${!@:2}" --query Parameter.Value --output text 2>/dev/null || true; }
latest="$(aws s3api list-objects-v2 --region "$region" --bucket "\${ArtifactsBucket}" --prefix "${apiReleasePrefix(ENV_PLACEHOLDER)}" --delimiter / --query 'CommonPrefixes[].Prefix' --output text | tr '\\t' '\\n' | grep -v '^None$' | sort | tail -n 1 || true)"
if [ -n "$latest" ]; then
  release="${APP_DIR}/releases/$(basename "$latest")"
  aws s3 cp --recursive --only-show-errors --region "$region" "s3://\${ArtifactsBucket}/$latest" "$release"
  echo 'import("./server.mjs").catch((error) => { console.error(error); process.exit(1); });' > "$release/server.cjs"
  param ${APP_PARAMETERS.jwtSecret} --with-decryption > ${APP_DIR}/jwt-secret && chmod 600 ${APP_DIR}/jwt-secret
  cat > ${APP_DIR}/ecosystem.config.cjs <<ECOSYSTEM
const fs = require('node:fs');
module.exports = { apps: [{
  name: '${PM2_APP}', script: '${APP_DIR}/current/server.cjs', exec_mode: 'cluster', instances: 1,
  max_memory_restart: '300M', kill_timeout: 10000, listen_timeout: 15000, node_args: '${API_NODE_FLAGS.join(' ')}',
  env: { NODE_ENV: 'production', APP_ENV: '\${Environment}', HOST: '0.0.0.0', PORT: '${API_PORT}', AWS_REGION: '$region',
    IMAGES_BUCKET: '$(param ${APP_PARAMETERS.imagesBucket})', WEB_ORIGIN: '$(param ${APP_PARAMETERS.webOrigin})', LOG_LEVEL: '$(param ${APP_PARAMETERS.logLevel})',
    JWT_SECRET: fs.readFileSync('${APP_DIR}/jwt-secret', 'utf8').trim() },
}] };
ECOSYSTEM
  ln -sfn "$release" ${APP_DIR}/current
  chown -R ${APP_USER}: ${APP_HOME}
  ${asApp} pm2 startOrReload ${APP_DIR}/ecosystem.config.cjs --update-env
  ${asApp} pm2 save --force
else
  chown -R ${APP_USER}: ${APP_HOME}
  echo "no API release under s3://\${ArtifactsBucket}/${apiReleasePrefix(ENV_PLACEHOLDER)} yet: nx run api:deploy installs it"
fi
pm2 startup systemd -u ${APP_USER} --hp ${APP_HOME} >/dev/null

signal 0
`;
}
