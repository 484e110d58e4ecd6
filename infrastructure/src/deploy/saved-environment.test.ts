import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from './errors';
import type { Asker } from './prompt';
import {
  invalidValue,
  savedEnvironmentFile,
  type ParameterSpec,
  settableParameters,
  withSavedEnvironment,
} from './saved-environment';
import { STACK_IDS, TEMPLATE_FILES } from './stacks';
import { loadTemplate } from './template';
import { runCommand } from './commands';
import { stackNotFound, testContext, testWorkspace } from './testing/test-context';

const infrastructureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cf = mockClient(CloudFormationClient);

/** A workspace with the committed templates, so every rule checked is the real one. */
async function workspace(saved?: { env: string; body: string }): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'saved-env-'));
  await mkdir(path.join(root, 'infrastructure', 'environments'), { recursive: true });
  for (const id of STACK_IDS)
    await copyFile(
      path.join(infrastructureDir, TEMPLATE_FILES[id]),
      path.join(root, 'infrastructure', TEMPLATE_FILES[id]),
    );
  if (saved)
    await writeFile(
      path.join(root, 'infrastructure', 'environments', `${saved.env}.json`),
      saved.body,
    );
  return root;
}

/** Answers in order; fails the test on a question it did not expect. */
function scripted(answers: string[], interactive = true): Asker & { questions: string[] } {
  const questions: string[] = [];
  return {
    interactive,
    questions,
    ask: async (question) => {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      return answer;
    },
  };
}

beforeEach(() => {
  cf.reset();
  cf.on(DescribeStacksCommand).callsFake((input: { StackName: string }) => {
    throw stackNotFound(input.StackName);
  });
});
afterEach(() => cf.reset());

describe('the settable parameters, read from the committed templates', () => {
  it('are the operator choices, not what infra:deploy computes', async () => {
    const templates = await Promise.all(STACK_IDS.map((id) => loadTemplate(infrastructureDir, id)));
    const names = [...settableParameters(templates).keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        'AlarmEmail',
        'SshCidr',
        'NatGatewayMode',
        'EnableAutoScaling',
        'WebOrigin',
      ]),
    );
    for (const computed of [
      'Environment',
      'CloudFrontPrefixListId',
      'DeployerPrincipalArns',
      'ApiOriginDomain',
      'InstanceId',
    ])
      expect(names).not.toContain(computed);
  });

  it('are checked against AllowedPattern, AllowedValues, MinValue/MaxValue and an email shape', async () => {
    const templates = await Promise.all(STACK_IDS.map((id) => loadTemplate(infrastructureDir, id)));
    const specs = settableParameters(templates);
    const check = (name: string, value: string) =>
      invalidValue(specs.get(name) as ParameterSpec, value);
    expect(check('SshCidr', '203.0.113.10/32')).toBeUndefined();
    expect(check('SshCidr', '')).toBeUndefined();
    expect(check('SshCidr', '203.0.113.10')).toBe(
      'expected empty, or an IPv4 CIDR such as 203.0.113.10/32',
    );
    expect(check('NatGatewayMode', 'maybe')).toBe('expected one of auto, true, false');
    expect(check('AsgMaxSize', '11')).toBe('expected at most 10');
    expect(check('AsgMaxSize', 'three')).toBe('expected a number');
    expect(check('AlarmEmail', 'ops@example.com')).toBeUndefined();
    expect(check('AlarmEmail', 'ops')).toBe('expected an email address such as ops@example.com');
  });
});

describe('a saved environment', () => {
  it('gives the parameters of the selected stacks; --parameters wins', async () => {
    const root = await workspace({
      env: 'staging',
      body: JSON.stringify({
        parameters: {
          AlarmEmail: 'ops@example.com',
          SshCidr: '203.0.113.10/32',
          NatGatewayMode: 'true',
        },
      }),
    });
    const ctx = testContext({
      env: 'staging',
      workspaceRoot: root,
      stacks: ['main'],
      parameters: { NatGatewayMode: 'false' },
    });

    const result = await withSavedEnvironment(ctx, scripted([], false), { guided: true });

    // AlarmEmail belongs to the monitoring stack, which is not selected: passing it would be refused.
    expect(result.options.parameters).toEqual({
      SshCidr: '203.0.113.10/32',
      NatGatewayMode: 'false',
    });
    expect(ctx.output.text).toContain(
      'settings from infrastructure/environments/staging.json: NatGatewayMode, SshCidr (--parameters wins)',
    );
  });

  it.each([
    [
      { parameters: { AlarmEmial: 'ops@example.com' } },
      /has a bad entry: AlarmEmial is no parameter of the templates \(settable: .*AlarmEmail.*\)\.$/,
    ],
    [
      { parameters: { CloudFrontPrefixListId: 'pl-123' } },
      /CloudFrontPrefixListId is set by infra:deploy itself and cannot be saved/,
    ],
    [
      { parameters: { SshCidr: '0.0.0.0' } },
      /SshCidr "0\.0\.0\.0": expected empty, or an IPv4 CIDR such as 203\.0\.113\.10\/32\.$/,
    ],
    [
      { parameters: {}, region: 'eu-west-1' },
      /has unknown key region: it holds only "parameters"\.$/,
    ],
  ])('refuses %j with one sentence', async (body, expected) => {
    const root = await workspace({ env: 'dev', body: JSON.stringify(body) });
    const error = await withSavedEnvironment(
      testContext({ workspaceRoot: root }),
      scripted([], false),
      { guided: true },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(expected);
  });

  it('refuses a file that is not JSON, naming it', async () => {
    const root = await workspace({ env: 'dev', body: '{ parameters: ' });
    await expect(
      withSavedEnvironment(testContext({ workspaceRoot: root }), scripted([], false), {
        guided: true,
      }),
    ).rejects.toThrow(/environments\/dev\.json is not valid JSON \(.*\): fix it or delete it\.$/);
  });
});

describe('the first deploy of an environment', () => {
  it('asks on a terminal, re-asks a value the template refuses, and saves the answers sorted', async () => {
    const root = await workspace();
    const asker = scripted([
      'ops', // AlarmEmail: not an email
      'ops@example.com',
      '', // AlarmSmsNumber: keep the default (empty)
      '203.0.113.10', // SshCidr: no prefix length
      '203.0.113.10/32',
      '', // NatGatewayMode: keep auto
      'true', // EnableAutoScaling
      '', // InstanceType: keep t3.micro
      '', // WebOrigin: keep empty
    ]);
    const ctx = testContext({
      env: 'staging',
      workspaceRoot: root,
      stacks: [...STACK_IDS],
      yes: false,
    });

    const result = await withSavedEnvironment(ctx, asker, { guided: true });

    expect(asker.questions).toEqual([
      'AlarmEmail:',
      'AlarmEmail:',
      'AlarmSmsNumber [empty]:',
      'SshCidr [empty]:',
      'SshCidr [empty]:',
      'NatGatewayMode [auto]:',
      'EnableAutoScaling [false]:',
      'InstanceType [t3.micro]:',
      'WebOrigin [empty]:',
    ]);
    expect(ctx.output.text).toContain(
      '  AlarmEmail "ops": expected an email address such as ops@example.com; try again.',
    );
    expect(ctx.output.text).toContain(
      '  SshCidr "203.0.113.10": expected empty, or an IPv4 CIDR such as 203.0.113.10/32; try again.',
    );
    const file = await readFile(savedEnvironmentFile(root, 'staging'), 'utf8');
    expect(file).toBe(
      `${JSON.stringify(
        {
          parameters: {
            AlarmEmail: 'ops@example.com',
            AlarmSmsNumber: '',
            EnableAutoScaling: 'true',
            InstanceType: 't3.micro',
            NatGatewayMode: 'auto',
            SshCidr: '203.0.113.10/32',
            WebOrigin: '',
          },
        },
        null,
        2,
      )}\n`,
    );
    expect(result.options.parameters).toMatchObject({
      AlarmEmail: 'ops@example.com',
      EnableAutoScaling: 'true',
    });
  });

  it('insists on a value a real environment needs', async () => {
    const root = await workspace();
    const asker = scripted(['', '', '']);
    const ctx = testContext({
      env: 'prod',
      workspaceRoot: root,
      stacks: ['monitoring'],
      yes: false,
    });
    await expect(withSavedEnvironment(ctx, asker, { guided: true })).rejects.toThrow(
      'AlarmEmail "" was refused three times (a value is required for prod): nothing was saved.',
    );
    expect(ctx.output.text).toContain('  AlarmEmail "": a value is required for prod; try again.');
  });

  it('without a terminal, refuses with one sentence naming what to set', async () => {
    const root = await workspace();
    const ctx = testContext({ env: 'staging', workspaceRoot: root, stacks: [...STACK_IDS] });
    await expect(withSavedEnvironment(ctx, scripted([], false), { guided: true })).rejects.toThrow(
      'staging needs AlarmEmail, which neither infrastructure/environments/staging.json nor --parameters gives (and there is no terminal to ask on): add "AlarmEmail": "<value>" under "parameters" in infrastructure/environments/staging.json, or pass --parameters AlarmEmail=<value>.',
    );
  });

  it('does not ask for what the deployed stack already has, nor in dev without a terminal', async () => {
    cf.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'mini-ecommerce-staging-monitoring',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date(),
          Parameters: [{ ParameterKey: 'AlarmEmail', ParameterValue: 'ops@example.com' }],
        },
      ],
    });
    const staging = testContext({
      env: 'staging',
      workspaceRoot: await workspace(),
      stacks: ['monitoring'],
    });
    expect(
      (await withSavedEnvironment(staging, scripted([], false), { guided: true })).options
        .parameters,
    ).toEqual({});
    const dev = testContext({
      env: 'dev',
      workspaceRoot: await workspace(),
      stacks: [...STACK_IDS],
    });
    expect(
      (await withSavedEnvironment(dev, scripted([], false), { guided: true })).options.parameters,
    ).toEqual({});
  });
});

describe('nx run infra:deploy --env <env> with a saved environment', () => {
  it('needs no flags: the saved values reach the change set, --parameters still wins', async () => {
    const root = await testWorkspace();
    await mkdir(path.join(root, 'infrastructure', 'environments'), { recursive: true });
    await writeFile(
      savedEnvironmentFile(root, 'dev'),
      JSON.stringify({ parameters: { AlertEmail: 'ops@example.com' } }),
    );
    cf.on(DescribeStacksCommand)
      .rejectsOnce(stackNotFound('mini-ecommerce-dev-main'))
      .resolves({
        Stacks: [
          {
            StackName: 'mini-ecommerce-dev-main',
            StackStatus: 'CREATE_COMPLETE',
            CreationTime: new Date(),
          },
        ],
      });
    cf.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cf.on(CreateChangeSetCommand).resolves({ Id: 'cs-1' });
    cf.on(DescribeChangeSetCommand).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [
        {
          Type: 'Resource',
          ResourceChange: {
            Action: 'Add',
            LogicalResourceId: 'Bucket',
            ResourceType: 'AWS::S3::Bucket',
          },
        },
      ],
    });
    cf.on(ExecuteChangeSetCommand).resolves({});

    await runCommand(testContext({ workspaceRoot: root }), { ask: scripted([], false) });
    expect(cf.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.Parameters).toEqual([
      { ParameterKey: 'Environment', ParameterValue: 'dev' },
      { ParameterKey: 'AlertEmail', ParameterValue: 'ops@example.com' },
    ]);

    cf.resetHistory();
    await runCommand(
      testContext({ workspaceRoot: root, parameters: { AlertEmail: 'oncall@example.com' } }),
      {
        ask: scripted([], false),
      },
    );
    expect(cf.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.Parameters).toContainEqual({
      ParameterKey: 'AlertEmail',
      ParameterValue: 'oncall@example.com',
    });
  });
});
