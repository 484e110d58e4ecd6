import {
  API_PORT,
  HEALTH_READY_PATH,
  HTTP_PORT,
  STACK_CONDITIONS,
} from '@mini-ecommerce/stack-model';
import { fnIf } from '../../model/intrinsics';
import type { TemplateBuilder } from '../../model/template';
import { IS_PROD, envName, importFrom, nameTag } from '../common';
import { NETWORK } from '../main/network';

const USE_ASG = STACK_CONDITIONS.useAutoScaling;

export function addLoadBalancer(template: TemplateBuilder) {
  const albSecurityGroup = template.resource(
    'LoadBalancerSecurityGroup',
    'AWS::EC2::SecurityGroup',
    {
      GroupDescription:
        'API load balancer (internal): HTTP from the CloudFront VPC origin only, to the instances on the API port',
      VpcId: importFrom('vpcId'),
      SecurityGroupIngress: [
        {
          IpProtocol: 'tcp',
          FromPort: HTTP_PORT,
          ToPort: HTTP_PORT,
          CidrIp: NETWORK.vpcCidr,
          Description: 'HTTP from the CloudFront VPC origin inside the VPC',
        },
      ],
      SecurityGroupEgress: [
        {
          IpProtocol: 'tcp',
          FromPort: API_PORT,
          ToPort: API_PORT,
          CidrIp: NETWORK.vpcCidr,
          Description: 'API instances',
        },
      ],
      Tags: [nameTag('alb-sg')],
    },
    { condition: USE_ASG },
  );
  const loadBalancer = template.resource(
    'ApplicationLoadBalancer',
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    {
      Name: envName('api'),
      Type: 'application',
      // Internal in every environment: CloudFront reaches it through a VPC origin, so nothing
      // on the internet reaches the load balancer, and no token crosses the internet in clear.
      Scheme: 'internal',
      Subnets: [importFrom('privateSubnetId'), importFrom('privateSubnet2Id')],
      SecurityGroups: [albSecurityGroup.getAtt('GroupId')],
      LoadBalancerAttributes: [
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'routing.http.desync_mitigation_mode', Value: 'defensive' },
        { Key: 'deletion_protection.enabled', Value: fnIf(IS_PROD, 'true', 'false') },
      ],
    },
    {
      condition: USE_ASG,
      guardExceptions: [
        {
          rule: 'CT.ELASTICLOADBALANCING.PR.5',
          reason:
            'Deletion protection is on in prod (IsProd) only: in dev and staging the load balancer comes and goes with EnableAutoScaling.',
        },
        {
          rule: 'CT.ELASTICLOADBALANCING.PR.6',
          reason:
            'Access logs would need the regional ELB log-delivery account in the log bucket policy; request counts and 5xx rates come from CloudWatch metrics and the API logs its own requests.',
        },
      ],
    },
  );
  const targetGroup = template.resource(
    'TargetGroup',
    'AWS::ElasticLoadBalancingV2::TargetGroup',
    {
      Name: envName('api'),
      VpcId: importFrom('vpcId'),
      Protocol: 'HTTP',
      Port: API_PORT,
      TargetType: 'instance',
      HealthCheckPath: HEALTH_READY_PATH,
      HealthCheckIntervalSeconds: 15,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200' },
      TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
    },
    { condition: USE_ASG },
  );
  template.resource(
    'HttpListener',
    'AWS::ElasticLoadBalancingV2::Listener',
    {
      LoadBalancerArn: loadBalancer.ref(),
      Port: HTTP_PORT,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroup.ref() }],
    },
    {
      condition: USE_ASG,
      // The service spec lists Tags for listeners, but CloudFormation's schema rejects them.
      untagged: true,
      guardExceptions: [
        {
          rule: 'CT.ELASTICLOADBALANCING.PR.1',
          reason:
            'Viewers reach the API over HTTPS through CloudFront (/api/*), which talks to this listener; there is no certificate on the load balancer to redirect to.',
        },
      ],
    },
  );
  return { loadBalancer, targetGroup };
}
