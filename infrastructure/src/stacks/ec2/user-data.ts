import {
  AGENT_METRICS_NAMESPACE,
  APP_PARAMETERS,
  INSTANCE_LAYOUT,
  PROJECT_NAME,
} from '@mini-ecommerce/stack-model';
import { forFnSub, instanceFunctions } from '../../instance/app-scripts';

const { logDir: LOG_DIR, pm2App: PM2_APP } = INSTANCE_LAYOUT;

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
              file_path: `${LOG_DIR}/${PM2_APP}-out*.log`,
              log_group_name: '__APP_LOG_GROUP__',
              log_stream_name: '{instance_id}/api',
            },
            {
              file_path: `${LOG_DIR}/${PM2_APP}-error*.log`,
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
 * Boot script (Fn::Sub text): Node.js 22 from the distribution, the CloudWatch agent, then the
 * same preparation and install steps `nx run api:deploy` runs (infrastructure/src/instance), for
 * the release `api:deploy` recorded as current after its readiness gate, never simply the newest
 * upload. Before the first `nx run api:deploy` there is no release and the instance still
 * signals success.
 */
export function userDataScript(): string {
  return `#!/bin/bash
# Generated from infrastructure/src/stacks/ec2/user-data.ts
set -euo pipefail
exec > >(tee -a /var/log/cloud-init-output.log) 2>&1
signal() {
  /opt/aws/bin/cfn-signal --exit-code "$1" --stack "\${AWS::StackName}" --resource "\${SignalResource}" --region "\${AWS::Region}" || true
}
# An EXIT trap, not ERR: bash runs no ERR trap inside functions, so a failure in one of the
# install functions would end the boot without telling CloudFormation (a 15-minute wait).
on_exit() { local rc=$?; [ "$rc" -eq 0 ] || signal 1; }
trap on_exit EXIT
region="\${AWS::Region}"
env="\${Environment}"
bucket="\${ArtifactsBucket}"
${forFnSub(instanceFunctions().join('\n'))}

dnf install -y nodejs22 nodejs22-npm amazon-cloudwatch-agent aws-cfn-bootstrap
# AL2023 installs Node.js 22 side by side as node-22; make it the node on PATH.
if ! node --version 2>/dev/null | grep -q '^v22'; then
  ln -sf "$(command -v node-22)" /usr/local/bin/node
  ln -sf "$(command -v npm-22)" /usr/local/bin/npm
fi
prepare_instance

cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'AGENT'
${agentConfig()}
AGENT
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json

# Only "no such parameter" means no release yet; any other error (access, throttling, no route
# to SSM) fails the boot rather than report a healthy instance with no API. The parameter, which
# only api:deploy writes and only after its gate, names the release and the digest of its
# SHA256SUMS: nothing else in the bucket is trusted.
if ! release_pointer="$(app_param ${APP_PARAMETERS.apiRelease} 2>&1)"; then
  case "$release_pointer" in
    *ParameterNotFound*) release_pointer="" ;;
    *) echo "cannot read /${PROJECT_NAME}/$env/${APP_PARAMETERS.apiRelease}: $release_pointer"; exit 1 ;;
  esac
fi
if [ -n "$release_pointer" ] && [ "$release_pointer" != "None" ]; then
  install_recorded_release "$release_pointer" "$bucket"
else
  echo "no API release recorded in /${PROJECT_NAME}/$env/${APP_PARAMETERS.apiRelease} yet: nx run api:deploy installs one"
fi

signal 0
`;
}
