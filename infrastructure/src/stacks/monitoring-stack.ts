import { STACK_CONDITIONS, STACK_INPUTS, STACK_PARAMETERS } from '@mini-ecommerce/stack-model';
import { equals, not } from '../model/intrinsics';
import type { TemplateDocument } from '../model/template';
import { stackOutput, stackTemplate, switchParameter } from './common';
import { addAlarms, computeDimension } from './monitoring/alarms';
import { addTrail } from './monitoring/audit-trail';
import { addDashboard } from './monitoring/dashboard';
import { addAlarmTopic, addMonitoringKey } from './monitoring/notifications';

const USE_ASG = STACK_CONDITIONS.useAutoScaling;
const SINGLE = STACK_CONDITIONS.useSingleInstance;
const CREATE_TRAIL = STACK_CONDITIONS.createTrail;

/** monitoring-stack.yml: alarm topic, alarms, dashboard and the optional CloudTrail trail. */
export function monitoringStack(): TemplateDocument {
  const template = stackTemplate(
    'mini-ecommerce monitoring: KMS-encrypted alarm topic with email and SMS subscriptions, alarms on the instances, tables, buckets and application metrics, a dashboard, and an optional CloudTrail trail.',
    { isProd: true },
  );
  const email = template.parameter(
    STACK_PARAMETERS.alarmEmail,
    {
      Type: 'String',
      Description: 'Email address for alarm notifications. Empty for none.',
      Default: '',
    },
    'Notifications',
  );
  const sms = template.parameter(
    STACK_PARAMETERS.alarmSmsNumber,
    {
      Type: 'String',
      Description:
        'Phone number in E.164 form (+15555550100) for alarm text messages. Empty for none.',
      Default: '',
      AllowedPattern: '^$|^\\+[1-9][0-9]{6,14}$',
    },
    'Notifications',
  );
  // What to watch, passed by infra:deploy from the ec2 stack's outputs (STACK_INPUTS): parameters,
  // not imports, so replacing the instance or toggling auto scaling never meets "export in use".
  const computeInput = (key: keyof typeof STACK_INPUTS.monitoring, description: string) =>
    template.parameter(
      STACK_PARAMETERS[key],
      { Type: 'String', Description: `${description} ('none' when absent).`, Default: 'none' },
      'Compute',
    );
  const instanceId = computeInput('instanceId', 'The single API instance');
  const asgName = computeInput('autoScalingGroupName', 'The API Auto Scaling group');
  const loadBalancer = computeInput(
    'loadBalancerFullName',
    'Full name of the API load balancer (app/...)',
  );
  const targetGroup = computeInput(
    'targetGroupFullName',
    'Full name of the API target group (targetgroup/...)',
  );
  const enableTrail = switchParameter(
    template,
    STACK_PARAMETERS.enableCloudTrail,
    'Create a CloudTrail trail (for accounts without an organisation trail).',
    'Audit',
  );
  template.condition(STACK_CONDITIONS.hasEmail, not(equals(email.ref(), '')));
  template.condition(STACK_CONDITIONS.hasSms, not(equals(sms.ref(), '')));
  template.condition(USE_ASG, not(equals(asgName.ref(), 'none')));
  template.condition(SINGLE, equals(asgName.ref(), 'none'));
  template.condition(CREATE_TRAIL, equals(enableTrail.ref(), 'true'));

  const key = addMonitoringKey(template);
  const topic = addAlarmTopic(template, key, email, sms);
  const alarms = addAlarms(template, topic, { instanceId, asgName, loadBalancer, targetGroup });
  addDashboard(template, alarms.unconditional(), computeDimension({ instanceId, asgName }));
  addTrail(template, key);

  stackOutput(template, 'alarmTopicArn', {
    Description: 'Alarm notifications topic',
    Value: topic.ref(),
  });
  return template.build();
}
