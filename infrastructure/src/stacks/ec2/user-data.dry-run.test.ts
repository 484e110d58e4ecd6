import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dryRunUserData,
  findOutOfOrder,
  matchesCall,
  sandboxPaths,
  STUBS_DIR,
  type DryRunResult,
  type DryRunWorld,
} from './testing/dry-run';
import {
  renderUserDataFromTemplate,
  UnresolvedPlaceholderError,
  type DeploymentValues,
} from './testing/render-user-data';
import { formatFinding, inlineExclusions, shellcheck } from './testing/shellcheck';
import { PM2_LOCK_DIR } from '../../instance/app-scripts';

/**
 * What the emulator cannot show, user data on a real AL2023 instance, tested on this machine:
 * the user data rendered from the committed ec2-stack.yml exactly as the instance receives it,
 * shellcheck on it, and a dry run of it in a temporary root with the AL2023 commands stubbed
 * (testing/dry-run.ts, testing/stubs/). The expectations are data at the top of this file: when the
 * boot script changes, update EXPECTED and the worlds, not the harness.
 */

const TEMPLATE = fileURLToPath(new URL('../../../ec2-stack.yml', import.meta.url));

/** The stack the dry run pretends was deployed (single-instance dev). */
const REGION = 'eu-west-1';
const STACK_NAME = 'mini-ecommerce-dev-ec2';
const ARTIFACTS_BUCKET = 'mini-ecommerce-dev-artifacts-123456789012';
const DEPLOYMENT: DeploymentValues = {
  pseudo: {
    'AWS::Region': REGION,
    'AWS::StackName': STACK_NAME,
    'AWS::AccountId': '123456789012',
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  },
  parameters: { Environment: 'dev', EnableAutoScaling: 'false' },
  imports: { 'mini-ecommerce-dev-artifacts-bucket-name': ARTIFACTS_BUCKET },
};

/** The release `nx run api:deploy` uploaded and recorded as current (its id format is checked). */
const RELEASE = '20250301T120000-abc123def456';
const OLDER_RELEASE = '20250101T080000-0123456789ab';
const RELEASE_POINTER = '/mini-ecommerce/dev/api-release';
const SSM = {
  '/mini-ecommerce/dev/jwt-secret': 'test-jwt-secret-0123456789',
  '/mini-ecommerce/dev/images-bucket': 'mini-ecommerce-dev-images-123456789012',
  '/mini-ecommerce/dev/web-origin': 'https://d111111abcdef8.cloudfront.net',
  '/mini-ecommerce/dev/log-level': 'info',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA256SUMS as api:deploy writes it for these files. */
function checksumsOf(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([name, body]) => `${sha256(body)}  ${name}\n`)
    .join('');
}

/** What api:deploy records in the apiRelease parameter after its gate. */
function pointerTo(id: string, files: Record<string, string>): string {
  return JSON.stringify({ releaseId: id, checksumsSha256: sha256(checksumsOf(files)) });
}

/** A release's objects as api:deploy uploads them: the bundle and its SHA256SUMS. */
function releaseObjects(id: string, files: Record<string, string>): Record<string, string> {
  const sums = checksumsOf(files);
  return Object.fromEntries(
    Object.entries({ ...files, SHA256SUMS: sums }).map(([name, body]) => [
      `${ARTIFACTS_BUCKET}/api/dev/${id}/${name}`,
      body,
    ]),
  );
}

/** PM2's manifest and lock as api:deploy bundles them: the committed files (issue 16 item 8). */
const PM2_LOCK = readFileSync(join(PM2_LOCK_DIR, 'package-lock.json'), 'utf8');
const PM2_MANIFEST = readFileSync(join(PM2_LOCK_DIR, 'package.json'), 'utf8');

const RELEASE_FILES = {
  'server.mjs': 'console.log("api");\n',
  'package.json': '{ "type": "module" }\n',
  'pm2/package.json': PM2_MANIFEST,
  'pm2/package-lock.json': PM2_LOCK,
};

/** An account where `nx run api:deploy` has uploaded RELEASE and made it current. */
const WITH_RELEASE: DryRunWorld = {
  s3: {
    ...releaseObjects(OLDER_RELEASE, { 'server.mjs': 'console.log("old");\n' }),
    ...releaseObjects(RELEASE, RELEASE_FILES),
  },
  ssm: { ...SSM, [RELEASE_POINTER]: pointerTo(RELEASE, RELEASE_FILES) },
};

/** What someone with s3:PutObject on the bucket (and nothing else) can plant. */
const PLANTED = '20991231T235959-0123456789ab';
const PLANTED_FILES = { 'server.mjs': 'require("child_process").execSync("id");\n' };

/** A fresh account: the bucket exists, nothing has been deployed to it yet. */
const WITHOUT_RELEASE: DryRunWorld = { buckets: [ARTIFACTS_BUCKET], ssm: SSM };

const APP_HOME = '/opt/mini-ecommerce';
const PM2_HOME = `${APP_HOME}/.pm2`;
/** Where the release's lock installs PM2, root-owned, and the PM2 every call runs. */
const PM2_PREFIX = `${APP_HOME}/pm2`;
const PM2 = `${PM2_PREFIX}/node_modules/.bin/pm2`;
/** Where PM2 writes the API's logs and the CloudWatch agent (user cwagent) reads them. */
const LOG_DIR = '/var/log/mini-ecommerce';
const AGENT_CONFIG = '/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json';
const ECOSYSTEM = `${APP_HOME}/api/ecosystem.config.cjs`;
/** Where the API's environment (with the JWT secret) lands, and its permissions. */
const SECRET_FILE = { path: `${APP_HOME}/api/environment.json`, mode: 0o640 };
const SIGNAL = `cfn-signal --exit-code 0 --stack ${STACK_NAME} --resource Instance --region ${REGION}`;

/** The boot, in order (each line matches a call exactly or as its start; or a RegExp). */
const EXPECTED = {
  installs: [
    'dnf install -y nodejs22 nodejs22-npm amazon-cloudwatch-agent aws-cfn-bootstrap',
    'useradd --system --home-dir /opt/mini-ecommerce --shell /sbin/nologin mini-ecommerce',
  ],
  startsAgent: `amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:${AGENT_CONFIG}`,
  readsCurrentRelease: new RegExp(`^aws ssm get-parameter .*--name ${RELEASE_POINTER} `),
  /** SHA256SUMS first (checked against the parameter's digest), then each file it lists. */
  fetchesRelease: [
    `aws s3 cp --only-show-errors --region ${REGION} s3://${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/SHA256SUMS ${APP_HOME}/api/releases/${RELEASE}.part/SHA256SUMS`,
    `aws s3 cp --only-show-errors --region ${REGION} s3://${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/server.mjs ${APP_HOME}/api/releases/${RELEASE}.part/server.mjs`,
    `aws s3 cp --only-show-errors --region ${REGION} s3://${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/package.json ${APP_HOME}/api/releases/${RELEASE}.part/package.json`,
    `aws s3 cp --only-show-errors --region ${REGION} s3://${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/pm2/package.json ${APP_HOME}/api/releases/${RELEASE}.part/pm2/package.json`,
    `aws s3 cp --only-show-errors --region ${REGION} s3://${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/pm2/package-lock.json ${APP_HOME}/api/releases/${RELEASE}.part/pm2/package-lock.json`,
  ],
  /** PM2 from the verified release's lock, no install script, into a root-owned prefix. */
  installsPm2: [
    'npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier',
    `chown -R root:root ${PM2_PREFIX}.next`,
  ],
  startsApi: [`pm2 startOrReload ${ECOSYSTEM}`, 'pm2 save'],
  bootsPm2WithSystem: `pm2 startup systemd -u mini-ecommerce --hp ${APP_HOME}`,
  signalsSuccess: SIGNAL,
  /** What api:deploy reads from the instance's output. */
  activeReleaseMarker: `ACTIVE_RELEASE=${RELEASE}`,
};

/** The parts of the API's environment the instance must get, and from where. */
const EXPECTED_APP = {
  name: 'mini-ecommerce-api',
  script: `${APP_HOME}/api/current/server.cjs`,
  env: {
    NODE_ENV: 'production',
    APP_ENV: 'dev',
    PORT: '3001',
    AWS_REGION: REGION,
    IMAGES_BUCKET: SSM['/mini-ecommerce/dev/images-bucket'],
    WEB_ORIGIN: SSM['/mini-ecommerce/dev/web-origin'],
    LOG_LEVEL: SSM['/mini-ecommerce/dev/log-level'],
    JWT_SECRET: SSM['/mini-ecommerce/dev/jwt-secret'],
  },
};

let script: string;
beforeAll(() => {
  script = renderUserDataFromTemplate(TEMPLATE, DEPLOYMENT).script;
});

function expectRanCleanly(run: DryRunResult): void {
  expect(run.timedOut, 'the dry run timed out').toBe(false);
  expect(run.leftoverProcesses, 'processes of the dry run outlived it').toBe(false);
  expect(run.output).not.toMatch(/command not found|dry-run stub .* does not emulate/);
}

function expectInOrder(run: DryRunResult, steps: readonly (string | RegExp)[]): void {
  const problem = findOutOfOrder(run.calls, steps);
  expect(problem, problem).toBeUndefined();
}

const signals = (run: DryRunResult) => run.calls.filter((c) => c.command === 'cfn-signal');

describe('the EC2 user data, as the instance receives it', () => {
  it('resolves every Fn::Sub placeholder of the committed template', () => {
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    // Whatever `${...}` is left is the shell's own (escaped as ${!...} in the template).
    expect(script).not.toContain('${AWS::');
    expect(script).not.toContain('${!');
    expect(script).toContain(ARTIFACTS_BUCKET);
  });

  it('has no shellcheck findings', () => {
    const findings = shellcheck(script).map((f) => formatFinding(script, f));
    expect(findings).toEqual([]);
  });

  it('excludes shellcheck checks inline only with a written reason', () => {
    const unexplained = inlineExclusions(script).filter((e) => e.reason === '');
    expect(unexplained).toEqual([]);
  });
});

describe('a dry run of the user data on a fresh instance with a release uploaded', () => {
  let run: DryRunResult;
  beforeAll(async () => {
    run = await dryRunUserData(script, WITH_RELEASE);
  });
  afterAll(() => run?.dispose());

  it('succeeds', () => {
    expectRanCleanly(run);
    expect(run.exitCode, run.output).toBe(0);
  });

  it('installs, configures and starts, in order, and signals success last', () => {
    expectInOrder(run, [
      ...EXPECTED.installs,
      EXPECTED.startsAgent,
      EXPECTED.readsCurrentRelease,
      ...EXPECTED.fetchesRelease,
      ...EXPECTED.installsPm2,
      ...EXPECTED.startsApi,
      EXPECTED.bootsPm2WithSystem,
      EXPECTED.signalsSuccess,
    ]);
    expect(signals(run).map((c) => c.line)).toEqual([SIGNAL]);
    expect(run.calls.at(-1)?.line).toBe(SIGNAL);
    expect(run.calls.at(-1)?.path).toBe('/opt/aws/bin/cfn-signal');
    expect(run.output).toContain(EXPECTED.activeReleaseMarker);
  });

  it('writes a CloudWatch agent configuration that is JSON and collects the API and boot logs', () => {
    const config = JSON.parse(run.read(AGENT_CONFIG)) as {
      metrics: { append_dimensions: Record<string, string> };
      logs: { logs_collected: { files: { collect_list: Record<string, string>[] } } };
    };
    expect(config.metrics.append_dimensions).toEqual({
      InstanceId: '${aws:InstanceId}',
      AutoScalingGroupName: '${aws:AutoScalingGroupName}',
    });
    expect(
      config.logs.logs_collected.files.collect_list.map((f) => [f.file_path, f.log_group_name]),
    ).toEqual([
      [`${LOG_DIR}/mini-ecommerce-api-out*.log`, '/mini-ecommerce/dev/api'],
      [`${LOG_DIR}/mini-ecommerce-api-error*.log`, '/mini-ecommerce/dev/api'],
      ['/var/log/cloud-init-output.log', '/mini-ecommerce/dev/system'],
    ]);
  });

  it('installs the release and points current at it', () => {
    expect(run.link(`${APP_HOME}/api/current`)).toBe(`${APP_HOME}/api/releases/${RELEASE}`);
    expect(run.read(`${APP_HOME}/api/releases/${RELEASE}/server.mjs`)).toBe(
      'console.log("api");\n',
    );
    expect(run.read(`${APP_HOME}/api/releases/${RELEASE}/server.cjs`)).toContain(
      'import("./server.mjs")',
    );
    expect(run.exists(`${APP_HOME}/api/releases/${OLDER_RELEASE}`)).toBe(false);
  });

  it('writes an ecosystem file pm2 can load, with the environment from SSM', () => {
    const ecosystem = run.loadCommonJs(ECOSYSTEM) as { apps: Record<string, unknown>[] };
    expect(ecosystem.apps).toHaveLength(1);
    expect(ecosystem.apps[0]).toMatchObject(EXPECTED_APP);
    expect(run.mode(SECRET_FILE.path)).toBe(SECRET_FILE.mode);
    expect(
      run.calls.some(
        (c) =>
          c.args.includes('/mini-ecommerce/dev/jwt-secret') && c.args.includes('--with-decryption'),
      ),
      'the JWT secret is read with --with-decryption',
    ).toBe(true);
  });

  it("installs PM2 only from the release's verified lock, with no install script, where the app user cannot change it (issue 16 item 8)", () => {
    const npm = run.calls.filter((c) => c.command === 'npm');
    expect(npm.map((c) => c.line)).toEqual([EXPECTED.installsPm2[0]]);
    expect(run.read(`${PM2_PREFIX}/package-lock.json`)).toBe(PM2_LOCK);
    expect(run.read(`${PM2_PREFIX}/package.json`)).toBe(PM2_MANIFEST);
    expect(run.mode(PM2_PREFIX) & 0o022, 'group or others may write the PM2 prefix').toBe(0);
    expect(run.exists(`${PM2_PREFIX}.next`)).toBe(false);
    // Every PM2 call, the boot unit included, runs the pinned PM2.
    const pm2 = run.calls.filter((c) => c.command === 'pm2');
    expect(pm2.length).toBeGreaterThan(0);
    expect([...new Set(pm2.map((c) => c.path))]).toEqual([PM2]);
    expect(run.read('/etc/systemd/system/pm2-mini-ecommerce.service')).toContain(
      `ExecStart=${PM2} resurrect`,
    );
  });

  it('runs the API as the unprivileged user with its own PM2_HOME', () => {
    const pm2 = run.calls.filter((c) => c.command === 'pm2' && c.args[0] !== 'startup');
    expect(pm2.map((c) => [c.args[0], c.user, c.pm2Home])).toEqual([
      ['startOrReload', 'mini-ecommerce', PM2_HOME],
      ['save', 'mini-ecommerce', PM2_HOME],
    ]);
    expect(run.exists(`${PM2_HOME}/dump.pm2`)).toBe(true);
  });

  it('keeps the JWT secret PM2 saves in dump.pm2 to the app user (issue 16 item 5)', () => {
    // pm2 save writes every process's environment, JWT_SECRET included, into dump.pm2.
    expect(run.mode(PM2_HOME), 'PM2_HOME').toBe(0o700);
    expect(run.mode(`${PM2_HOME}/dump.pm2`), 'dump.pm2').toBe(0o600);
    // The logs the agent ships live outside PM2_HOME, where it can read them.
    const app = (run.loadCommonJs(ECOSYSTEM) as { apps: Record<string, string>[] }).apps[0];
    expect(app?.['out_file']).toBe(`${LOG_DIR}/mini-ecommerce-api-out.log`);
    expect(app?.['error_file']).toBe(`${LOG_DIR}/mini-ecommerce-api-error.log`);
    expect(run.mode(LOG_DIR)).toBe(0o755);
  });

  it('downloads only the files SHA256SUMS lists, from the recorded release (issue 16 item 1)', () => {
    const downloads = run.calls.filter((c) => matchesCall(c, 'aws s3 cp'));
    expect(downloads.map((c) => c.line)).toEqual(EXPECTED.fetchesRelease);
  });
});

describe('a dry run of the user data before the first api:deploy', () => {
  let run: DryRunResult;
  beforeAll(async () => {
    run = await dryRunUserData(script, WITHOUT_RELEASE);
  });
  afterAll(() => run?.dispose());

  it('prepares the instance, starts no API and still signals success last', () => {
    expectRanCleanly(run);
    expect(run.exitCode, run.output).toBe(0);
    expectInOrder(run, [
      ...EXPECTED.installs,
      EXPECTED.startsAgent,
      EXPECTED.readsCurrentRelease,
      EXPECTED.signalsSuccess,
    ]);
    expect(run.calls.filter((c) => c.command === 'pm2')).toEqual([]);
    expect(run.calls.at(-1)?.line).toBe(SIGNAL);
    expect(run.output).toContain('nx run api:deploy');
  });
});

/** Boots that must stop and signal failure (exit code 1) as the last thing they do. */
const FAILING_BOOTS: {
  name: string;
  world: DryRunWorld;
  /** Set when CloudFormation cannot be signalled at all (it then waits for the timeout). */
  unsignalled?: string;
}[] = [
  {
    name: 'dnf install fails',
    world: { ...WITH_RELEASE, failWhen: ['dnf install'] },
    unsignalled: 'cfn-signal comes with aws-cfn-bootstrap, which dnf did not install',
  },
  { name: 'npm cannot install pm2', world: { ...WITH_RELEASE, failWhen: ['npm ci'] } },
  {
    // Issue 16 item 8: the lock is one of the release's files, checked like the others.
    name: "the release's PM2 lock was changed in the bucket",
    world: {
      ...WITH_RELEASE,
      s3: {
        ...WITH_RELEASE.s3,
        [`${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/pm2/package-lock.json`]: PM2_LOCK.replace(
          '"version": "6.0.14"',
          '"version": "6.0.13"',
        ),
      },
    },
  },
  {
    name: 'the CloudWatch agent does not start',
    world: { ...WITH_RELEASE, failWhen: ['amazon-cloudwatch-agent-ctl'] },
  },
  { name: 'the release download fails', world: { ...WITH_RELEASE, failWhen: ['aws s3 cp'] } },
  {
    name: 'the release does not match its SHA256SUMS',
    world: {
      ...WITH_RELEASE,
      s3: {
        ...WITH_RELEASE.s3,
        [`${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/server.mjs`]: 'console.log("tampered");\n',
      },
    },
  },
  {
    name: 'the current-release pointer is not a release id',
    world: { ...WITH_RELEASE, ssm: { ...SSM, [RELEASE_POINTER]: '../../../etc' } },
  },
  {
    // Issue 16 item 1: a bare id (what api:deploy wrote before) vouches for no file.
    name: 'the pointer names a release but no checksum digest',
    world: { ...WITH_RELEASE, ssm: { ...SSM, [RELEASE_POINTER]: RELEASE } },
  },
  {
    // Issue 16 item 1: the recorded release's files and SHA256SUMS replaced consistently by
    // someone who can write to the bucket; the digest in the parameter no longer matches.
    name: 'the recorded release was replaced in the bucket, SHA256SUMS included',
    world: {
      ...WITH_RELEASE,
      s3: { ...WITH_RELEASE.s3, ...releaseObjects(RELEASE, PLANTED_FILES) },
    },
  },
  {
    name: 'SHA256SUMS lists a path outside the release',
    world: (() => {
      const files = { '../../../../etc/cron.d/x': '* * * * * root id\n' };
      return {
        ...WITH_RELEASE,
        s3: { ...WITH_RELEASE.s3, ...releaseObjects(RELEASE, files) },
        ssm: { ...SSM, [RELEASE_POINTER]: pointerTo(RELEASE, files) },
      };
    })(),
  },
  {
    name: 'the JWT secret is missing',
    world: {
      ...WITH_RELEASE,
      ssm: Object.fromEntries(
        Object.entries(WITH_RELEASE.ssm ?? {}).filter(([name]) => !name.endsWith('/jwt-secret')),
      ),
    },
  },
  { name: 'pm2 cannot start the API', world: { ...WITH_RELEASE, failWhen: ['pm2 startOrReload'] } },
];

describe('a dry run of the user data with a release planted in the bucket (issue 16 item 1)', () => {
  let run: DryRunResult;
  beforeAll(async () => {
    // A newer prefix with its own, self-consistent SHA256SUMS, and an extra file in the recorded one.
    run = await dryRunUserData(script, {
      ...WITH_RELEASE,
      s3: {
        ...WITH_RELEASE.s3,
        ...releaseObjects(PLANTED, PLANTED_FILES),
        [`${ARTIFACTS_BUCKET}/api/dev/${RELEASE}/extra.mjs`]: 'planted\n',
      },
    });
  });
  afterAll(() => run?.dispose());

  it('installs the recorded release, and nothing the parameter does not vouch for', () => {
    expectRanCleanly(run);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.link(`${APP_HOME}/api/current`)).toBe(`${APP_HOME}/api/releases/${RELEASE}`);
    expect(run.exists(`${APP_HOME}/api/releases/${PLANTED}`)).toBe(false);
    expect(run.exists(`${APP_HOME}/api/releases/${RELEASE}/extra.mjs`)).toBe(false);
    expect(run.calls.some((c) => c.args.some((a) => a.includes(PLANTED)))).toBe(false);
  });
});

describe('a dry run of the user data where a step fails', () => {
  it.each(FAILING_BOOTS)('stops and signals failure when $name', async ({ world, unsignalled }) => {
    const run = await dryRunUserData(script, world);
    try {
      expectRanCleanly(run);
      expect(run.exitCode, run.output).not.toBe(0);
      const failure = SIGNAL.replace('--exit-code 0', '--exit-code 1');
      if (unsignalled) expect(signals(run), unsignalled).toEqual([]);
      else
        expect(
          signals(run).map((c) => c.line),
          'one failure signal; without it CloudFormation waits for the CreationPolicy timeout',
        ).toEqual([failure]);
      for (const failing of world.failWhen ?? []) {
        expect(run.output).toContain(`injected failure of: ${failing}`);
        // Nothing runs after the failed call but the signal.
        const failed = run.calls.findLastIndex((c) => matchesCall(c, failing));
        expect(
          run.calls.slice(failed + 1).map((c) => c.line),
          `calls after the failed ${failing}`,
        ).toEqual(unsignalled ? [] : [failure]);
      }
      expect(run.calls.filter((c) => matchesCall(c, 'pm2 save'))).toEqual([]);
    } finally {
      run.dispose();
    }
  });
});

describe('the dry-run harness', () => {
  it('rewrites absolute instance paths into the sandbox, and nothing else', () => {
    const root = '/tmp/sandbox';
    expect(
      sandboxPaths(
        [
          'mkdir -p /opt/app/releases /var/log',
          'cat > /etc/app.conf; tee -a "/var/log/x.log"',
          '-c file:/opt/aws/agent.json --hp /opt/app',
          'cp s3://bucket/opt/x /usr/local/bin/x; ln -s "${DIR}/etc" ~/etc',
          'useradd --shell /sbin/nologin; exec 2>/dev/null; /optional /bin/bash',
        ].join('\n'),
        root,
      ).split('\n'),
    ).toEqual([
      'mkdir -p /tmp/sandbox/opt/app/releases /tmp/sandbox/var/log',
      'cat > /tmp/sandbox/etc/app.conf; tee -a "/tmp/sandbox/var/log/x.log"',
      '-c file:/tmp/sandbox/opt/aws/agent.json --hp /tmp/sandbox/opt/app',
      'cp s3://bucket/opt/x /tmp/sandbox/usr/local/bin/x; ln -s "${DIR}/etc" ~/etc',
      'useradd --shell /sbin/nologin; exec 2>/dev/null; /optional /bin/bash',
    ]);
  });

  it('fails clearly on a placeholder the test values do not cover', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-user-data-'));
    try {
      const template = join(dir, 'template.yml');
      writeFileSync(
        template,
        [
          'Resources:',
          '  LaunchTemplate:',
          '    Type: AWS::EC2::LaunchTemplate',
          '    Properties:',
          '      LaunchTemplateData:',
          '        UserData:',
          '          Fn::Base64:',
          '            Fn::Sub:',
          '              - "echo ${AWS::Region} ${Bucket} ${!shell} ${Missing} ${Other.Arn}"',
          '              - Bucket: { Fn::ImportValue: known-export }',
          '',
        ].join('\n'),
      );
      const values: DeploymentValues = {
        pseudo: { 'AWS::Region': REGION },
        imports: { 'known-export': 'b' },
      };
      expect(() => renderUserDataFromTemplate(template, values)).toThrow(
        UnresolvedPlaceholderError,
      );
      expect(() => renderUserDataFromTemplate(template, values)).toThrow(
        /no value for \$\{Missing\}, \$\{Other\.Arn\}/,
      );
      expect(
        renderUserDataFromTemplate(template, {
          ...values,
          parameters: { Missing: 'm' },
          attributes: { 'Other.Arn': 'arn' },
        }).script,
      ).toBe(`echo ${REGION} b \${shell} m arn`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has stubs that pass shellcheck', () => {
    const stubs = readdirSync(STUBS_DIR).filter((f) => f.endsWith('.sh'));
    const result = spawnSync('shellcheck', ['-x', '--source-path=SCRIPTDIR', ...stubs], {
      cwd: STUBS_DIR,
      encoding: 'utf8',
    });
    expect(result.error, 'shellcheck is not installed').toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
