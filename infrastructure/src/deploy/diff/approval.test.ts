import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  type Change,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { deployCommand, diffCommand } from '../deploy-command';
import { UserError } from '../errors';
import { terminalConfirm } from '../prompt';
import { TEMPLATE_FILES } from '../stacks';
import { stackNotFound, testContext, testWorkspace } from '../testing/test-context';
import { approvalReason } from './approval';
import { committedResources } from './committed-resources';
import type { ChangeSetReview } from './review';
import { Unresolved } from './template-values';

const cf = mockClient(CloudFormationClient);
const NAME = 'mini-ecommerce-dev-main';
const PREFIX_LIST = 'pl-4fa04526';
/**
 * The committed main template without its resources' Metadata (cfn-guard suppressions, reasons):
 * the committed file is near CloudFormation's inline limit, and the review never reads Metadata.
 */
const committedMain = readFile(
  path.join(path.dirname(new URL(import.meta.url).pathname), '../../../main-stack.yml'),
  'utf8',
).then((body) => {
  const document = parse(body) as { Resources: Record<string, { Metadata?: unknown }> };
  for (const resource of Object.values(document.Resources)) delete resource.Metadata;
  return stringify(document, { lineWidth: 0 });
});

/** The parameters the deployed main stack reports, as DescribeStacks answers them. */
const DEPLOYED_PARAMETERS = [
  { ParameterKey: 'Environment', ParameterValue: 'dev' },
  { ParameterKey: 'SshCidr', ParameterValue: '' },
  { ParameterKey: 'NatGatewayMode', ParameterValue: 'auto' },
  { ParameterKey: 'WebOrigin', ParameterValue: '' },
  { ParameterKey: 'ApiOriginDomain', ParameterValue: '' },
  { ParameterKey: 'ApiOriginPort', ParameterValue: '3001' },
  { ParameterKey: 'ApiOriginArn', ParameterValue: '' },
  { ParameterKey: 'CloudFrontPrefixListId', ParameterValue: PREFIX_LIST },
  {
    ParameterKey: 'DeployerPrincipalArns',
    ParameterValue:
      'arn:aws:iam::123456789012:role/Deployer,arn:aws:iam::123456789012:role/*/Deployer',
  },
];

const json = (properties: Record<string, unknown>) =>
  JSON.stringify({ Properties: properties }, (_, value: unknown) =>
    value instanceof Unresolved ? value.text : value,
  );

/**
 * What CloudFormation answers with IncludePropertyValues for the API security group of the
 * committed main template when its load-balancer rule is opened to the internet.
 */
function openedSecurityGroup(): Change {
  const group = committedResources('main')['Ec2SecurityGroup'];
  if (!group) throw new Error('main-stack.yml has no Ec2SecurityGroup');
  const after = structuredClone(json(group.properties));
  const opened = JSON.parse(after) as {
    Properties: { SecurityGroupIngress: { CidrIp?: string }[] };
  };
  (opened.Properties.SecurityGroupIngress[1] as { CidrIp: string }).CidrIp = '0.0.0.0/0';
  return {
    Type: 'Resource',
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'Ec2SecurityGroup',
      PhysicalResourceId: 'sg-0123456789abcdef0',
      ResourceType: 'AWS::EC2::SecurityGroup',
      Replacement: 'False',
      Scope: ['Properties'],
      BeforeContext: json(group.properties),
      AfterContext: JSON.stringify(opened),
      Details: [
        {
          Target: {
            Attribute: 'Properties',
            Name: 'SecurityGroupIngress',
            Path: '/Properties/SecurityGroupIngress/1/CidrIp',
            RequiresRecreation: 'Never',
            BeforeValue: '10.0.0.0/16',
            AfterValue: '0.0.0.0/0',
            AttributeChangeType: 'Modify',
          },
          Evaluation: 'Static',
          ChangeSource: 'DirectModification',
        },
      ],
    },
  };
}

/** A retention change on the flow log group: nothing widens, no data at risk. */
function longerRetention(): Change {
  const group = committedResources('main')['FlowLogGroup'];
  if (!group) throw new Error('main-stack.yml has no FlowLogGroup');
  const before = String(group.properties['RetentionInDays']);
  return {
    Type: 'Resource',
    ResourceChange: {
      Action: 'Modify',
      LogicalResourceId: 'FlowLogGroup',
      ResourceType: 'AWS::Logs::LogGroup',
      Replacement: 'False',
      BeforeContext: json(group.properties),
      AfterContext: json({ ...group.properties, RetentionInDays: 731 }),
      Details: [
        {
          Target: {
            Attribute: 'Properties',
            Name: 'RetentionInDays',
            Path: '/Properties/RetentionInDays',
            RequiresRecreation: 'Never',
            BeforeValue: before,
            AfterValue: '731',
            AttributeChangeType: 'Modify',
          },
        },
      ],
    },
  };
}

let root: string;
beforeEach(async () => {
  cf.reset();
  root = await testWorkspace();
  await writeFile(path.join(root, 'infrastructure', TEMPLATE_FILES.main), await committedMain);
  cf.on(DescribeStacksCommand).rejects(stackNotFound('other'));
  cf.on(DescribeStacksCommand, { StackName: NAME }).resolves({
    Stacks: [
      {
        StackName: NAME,
        StackStatus: 'UPDATE_COMPLETE',
        CreationTime: new Date(),
        Parameters: DEPLOYED_PARAMETERS,
      },
    ],
  });
  cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  cf.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' });
  cf.on(ExecuteChangeSetCommand).resolves({});
  cf.on(DeleteChangeSetCommand).resolves({});
});
afterEach(() => cf.reset());

function changeSet(...changes: Change[]): void {
  cf.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: changes });
}

const deployContext = (options: Parameters<typeof testContext>[0] = {}) =>
  testContext({
    workspaceRoot: root,
    stacks: ['main'],
    yes: false,
    parameters: { CloudFrontPrefixListId: PREFIX_LIST },
    ...options,
  });

describe('the change-set preview with property values', () => {
  it('shows each property from what to what, marks the widening and asks (broadening)', async () => {
    changeSet(openedSecurityGroup(), longerRetention());
    const ctx = deployContext();

    await deployCommand(ctx);
    if (process.env['PRINT_DIFF']) process.stdout.write(ctx.output.text);

    expect(cf.commandCalls(DescribeChangeSetCommand).at(-1)?.args[0].input).toMatchObject({
      IncludePropertyValues: true,
    });
    const lines = ctx.output.text.split('\n');
    expect(lines).toContain('  property changes (from the change set):');
    expect(lines).toContain(
      '    ~ Ec2SecurityGroup SecurityGroupIngress[1].CidrIp: 10.0.0.0/16 → 0.0.0.0/0  ⚠ widens ingress from anywhere',
    );
    expect(lines).toContain('    ~ FlowLogGroup RetentionInDays: 365 → 731');
    expect(lines).toContain(
      '⚠ 1 change widens security (Ec2SecurityGroup): check each marked line before approving.',
    );
    expect(lines).toContain('  approval needed: 1 change widens security');
    expect(ctx.questions).toEqual([`Execute this change set on ${NAME}?`]);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('executes a change that widens nothing without asking (broadening)', async () => {
    changeSet(longerRetention());
    const ctx = deployContext();

    await deployCommand(ctx);

    expect(ctx.questions).toEqual([]);
    expect(ctx.output.text).toContain(
      'executing without asking: nothing widens security or puts data at risk (--require-approval broadening)',
    );
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
  });

  it('asks about every change with any-change, and a "no" executes nothing', async () => {
    changeSet(longerRetention());
    const ctx = deployContext({ requireApproval: 'any-change', answer: false });

    await expect(deployCommand(ctx)).rejects.toThrow(/Cancelled/);

    expect(ctx.questions).toHaveLength(1);
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(cf.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });

  it('never asks with --require-approval never or with --yes, even when security widens', async () => {
    for (const options of [{ requireApproval: 'never' as const }, { yes: true }]) {
      cf.resetHistory();
      changeSet(openedSecurityGroup());
      const ctx = deployContext(options);

      await deployCommand(ctx);

      expect(ctx.questions).toEqual([]);
      expect(ctx.output.text).toContain('⚠ widens ingress from anywhere');
      expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    }
  });

  it('without a terminal, refuses a widening change set with one sentence naming --yes', async () => {
    changeSet(openedSecurityGroup());
    const ctx = {
      ...deployContext(),
      confirm: terminalConfirm({ isTTY: false } as NodeJS.ReadStream),
    };

    const error = await deployCommand(ctx).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /There is no terminal to ask on: re-run with --yes/,
    );
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });
});

describe('the preview from the templates, when the change set has no property values', () => {
  it('evaluates the deployed and local templates: the SSH rule SshCidr opens, and the parameter', async () => {
    cf.on(GetTemplateCommand).resolves({ TemplateBody: await committedMain });
    changeSet({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: 'Ec2SecurityGroup',
        ResourceType: 'AWS::EC2::SecurityGroup',
        Replacement: 'False',
      },
    });
    const ctx = testContext({
      workspaceRoot: root,
      stacks: ['main'],
      command: 'diff',
      parameters: { CloudFrontPrefixListId: PREFIX_LIST, SshCidr: '0.0.0.0/0' },
    });

    await diffCommand(ctx);

    const lines = ctx.output.text.split('\n');
    expect(lines).toContain('  property changes (from the deployed and the local template):');
    expect(lines).toContain(
      '    + Ec2SecurityGroup SecurityGroupIngress[2]: {"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIp":"0.0.0.0/0","Description":"SSH from the operator CIDR"}  ⚠ new ingress from anywhere',
    );
    // Only the parameter that changes is listed.
    expect(lines.slice(lines.indexOf('  parameter changes:') + 1, -1)).toEqual([
      '    ~ SshCidr: "" → 0.0.0.0/0',
      '⚠ 2 changes widen security (Ec2SecurityGroup, PublicAclInSsh): check each marked line before approving.',
    ]);
    // The change set left the network ACL entry out; the templates show it.
    expect(lines).toContain(
      '    + PublicAclInSsh  ⚠ new ingress from anywhere: tcp 22 from 0.0.0.0/0',
    );
    expect(cf.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });
});

describe('CloudFormation service role', () => {
  it('passes RoleARN on CreateChangeSet when the environment has one, and none otherwise', async () => {
    changeSet(longerRetention());
    const role = 'arn:aws:iam::123456789012:role/mini-ecommerce-dev-cloudformation';
    await deployCommand({ ...deployContext({ yes: true }), serviceRoleArn: role });
    await deployCommand(deployContext({ yes: true }));

    const calls = cf.commandCalls(CreateChangeSetCommand).map((call) => call.args[0].input);
    expect(calls[0]?.RoleARN).toBe(role);
    expect(calls[1]).not.toHaveProperty('RoleARN');
  });
});

describe('approvalReason', () => {
  const review = (kinds: ('ingress' | 'data-loss')[]): ChangeSetReview => ({
    stackName: NAME,
    source: 'change set',
    parameters: [],
    planned: [],
    resources: [
      {
        logicalId: 'X',
        action: 'Modify',
        resourceType: 'AWS::EC2::SecurityGroup',
        replacement: 'False',
        stateful: false,
        before: undefined,
        after: undefined,
        propertyChanges: [],
        findings: kinds.map((kind) => ({ kind, path: '', label: kind, detail: kind })),
      },
    ],
  });

  it('asks on broadening only for findings, on any-change always, on never not at all', () => {
    expect(approvalReason('broadening', review([]))).toBeUndefined();
    expect(approvalReason('broadening', review(['ingress', 'data-loss']))).toBe(
      '1 change widens security and 1 puts data at risk',
    );
    expect(approvalReason('any-change', review([]))).toMatch(/any-change/);
    expect(approvalReason('never', review(['ingress']))).toBeUndefined();
  });
});
