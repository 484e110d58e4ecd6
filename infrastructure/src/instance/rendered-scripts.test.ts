import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  gateScript,
  installScript,
  reloadScript,
  rollbackScript,
  type ReleaseSpec,
} from '../deploy/api/remote-scripts';
import { dryRunUserData } from '../stacks/ec2/testing/dry-run';
import { PM2_FILES, PM2_LOCK_DIR } from './app-scripts';
import { renderUserDataFromTemplate } from '../stacks/ec2/testing/render-user-data';
import { formatFinding, shellcheck } from '../stacks/ec2/testing/shellcheck';

/**
 * Issue 16: every script rendered for an instance (install, rollback, gate, reload after a secret
 * rotation, the user data) passes shellcheck with hostile values in every slot a value reaches,
 * and a hostile value stays data: it is never run.
 */
const HOSTILE = `x'"; touch /tmp/pwned; $(touch /tmp/pwned) \`id\` \${IFS} ||eval;#\n*`;
const RELEASE = '20261129T120000-0123456789ab';
/** Every character a PRESIGNED may carry that the shell would care about outside quotes. */
const PRESIGNED = 'https://b.s3.amazonaws.com/k/a(1)?X-Amz-Signature=a&b=c;d*f!g,h#i[j]~%27+@:';
const SPEC: ReleaseSpec = {
  env: 'dev',
  region: 'us-gov-west-1',
  releaseId: RELEASE,
  files: [
    { path: 'server.mjs', sha256: 'a'.repeat(64), url: PRESIGNED },
    { path: 'static/logo-1_x.svg', sha256: 'b'.repeat(64), url: `${PRESIGNED}&n=2` },
  ],
};

const SCRIPTS: Record<string, string[]> = {
  install: installScript(SPEC),
  rollback: rollbackScript(SPEC, RELEASE),
  gate: gateScript(),
  reload: reloadScript(SPEC),
};

function expectShellcheckClean(script: string): void {
  const findings = shellcheck(script).map((f) => formatFinding(script, f));
  expect(findings).toEqual([]);
}

describe('scripts api:deploy and api:rotate-secret send, with hostile values', () => {
  it.each(Object.keys(SCRIPTS))('%s passes shellcheck', (name) => {
    expectShellcheckClean((SCRIPTS[name] as string[]).join('\n'));
  });

  it('hands every URL character to curl verbatim', () => {
    const script = (SCRIPTS['install'] as string[]).join('\n');
    const curl = script.split('\n').find((line) => line.startsWith('curl '));
    // Run the line with curl replaced by a printer of its last argument.
    const run = spawnSync('bash', ['-c', `curl() { printf '%s' "\${@: -1}"; }\n${curl}`], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe(PRESIGNED);
  });

  it('refuses every value that could leave its slot, before rendering anything', () => {
    expect(() => installScript({ ...SPEC, region: HOSTILE })).toThrow(/not an AWS region/);
    expect(() => reloadScript({ ...SPEC, region: 'eu-west-1;id' })).toThrow(/not an AWS region/);
    expect(() => rollbackScript(SPEC, 'x||eval${IFS}id;#')).toThrow(/not a release id/);
    expect(() => installScript({ ...SPEC, releaseId: `${RELEASE}/../x` })).toThrow(
      /not a release id/,
    );
    for (const path of ['../etc/cron.d/x', '/etc/passwd', 'a/./b', 'a b', "x'y", 'x\nSUMS'])
      expect(() =>
        installScript({ ...SPEC, files: [{ path, sha256: 'a'.repeat(64), url: PRESIGNED }] }),
      ).toThrow(/not a release file path/);
    expect(() =>
      installScript({
        ...SPEC,
        files: [{ path: 'a', sha256: `${'a'.repeat(63)}\nSUMS`, url: PRESIGNED }],
      }),
    ).toThrow(/not a SHA-256/);
    for (const url of [
      HOSTILE,
      `${PRESIGNED}'`,
      `${PRESIGNED}$(id)`,
      `${PRESIGNED}\`id\``,
      `${PRESIGNED} x`,
    ])
      expect(() =>
        installScript({ ...SPEC, files: [{ path: 'a', sha256: 'a'.repeat(64), url }] }),
      ).toThrow(/not a download URL/);
  });

  it('prunes old releases with NUL-separated, quoted paths (item 9)', () => {
    const script = (SCRIPTS['install'] as string[]).join('\n');
    expect(script).not.toMatch(/\bls\b[^\n]*\|\s*xargs/);
    expect(script).toContain('-print0');
    expect(script).toMatch(/rm -rf -- "\$dir"/);
    expect(script).toMatch(/^prune_releases$/m);
  });
});

describe('the user data, with hostile values', () => {
  const TEMPLATE = fileURLToPath(new URL('../../ec2-stack.yml', import.meta.url));
  const BUCKET = 'mini-ecommerce-dev-artifacts-123456789012';
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  // A release as api:deploy bundles it: the API and PM2's lock (which activation installs from).
  const FILES: Record<string, string> = {
    'server.mjs': 'console.log("api");\n',
    ...Object.fromEntries(
      PM2_FILES.map((file) => [`pm2/${file}`, readFileSync(path.join(PM2_LOCK_DIR, file), 'utf8')]),
    ),
  };
  const SUMS = Object.entries(FILES)
    .map(([file, body]) => `${sha256(body)}  ${file}\n`)
    .join('');
  const script = renderUserDataFromTemplate(TEMPLATE, {
    pseudo: {
      'AWS::Region': 'eu-west-1',
      'AWS::StackName': 'mini-ecommerce-dev-ec2',
      'AWS::AccountId': '123456789012',
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
    },
    parameters: { Environment: 'dev', EnableAutoScaling: 'false' },
    imports: { 'mini-ecommerce-dev-artifacts-bucket-name': BUCKET },
  }).script;

  it('passes shellcheck', () => expectShellcheckClean(script));

  it('writes hostile SSM values into the environment file verbatim and runs none of them', async () => {
    // What someone allowed ssm:PutParameter on the app's parameters could set.
    const webOrigin = `https://x', PWN: require('child_process').execSync('touch /tmp/pwned')`;
    const ssm = {
      '/mini-ecommerce/dev/jwt-secret': HOSTILE,
      '/mini-ecommerce/dev/images-bucket': HOSTILE,
      '/mini-ecommerce/dev/web-origin': webOrigin,
      '/mini-ecommerce/dev/log-level': HOSTILE.replace('\n', ' '),
      '/mini-ecommerce/dev/api-release': JSON.stringify({
        releaseId: RELEASE,
        checksumsSha256: sha256(SUMS),
      }),
    };
    const s3 = {
      [`${BUCKET}/api/dev/${RELEASE}/SHA256SUMS`]: SUMS,
      ...Object.fromEntries(
        Object.entries(FILES).map(([file, body]) => [`${BUCKET}/api/dev/${RELEASE}/${file}`, body]),
      ),
    };
    const run = await dryRunUserData(script, { s3, ssm });
    try {
      expect(run.exitCode, run.output).toBe(0);
      const environment = JSON.parse(
        run.read('/opt/mini-ecommerce/api/environment.json'),
      ) as Record<string, string>;
      // The SSM stub prints the value and a newline, as the AWS CLI does; $(...) drops the last.
      expect(environment).toMatchObject({
        JWT_SECRET: HOSTILE,
        IMAGES_BUCKET: HOSTILE,
        WEB_ORIGIN: webOrigin,
      });
      expect(run.exists('/tmp/pwned')).toBe(false);
      expect(run.calls.some((c) => c.line.includes('pwned'))).toBe(false);
    } finally {
      run.dispose();
    }
  });

  it('refuses a hostile release pointer before it touches the disk', async () => {
    const run = await dryRunUserData(script, {
      buckets: [BUCKET],
      ssm: { '/mini-ecommerce/dev/api-release': HOSTILE },
    });
    try {
      expect(run.output).toContain('refusing /mini-ecommerce/dev/api-release');
      expect(run.exitCode).not.toBe(0);
      expect(run.exists('/tmp/pwned')).toBe(false);
      expect(run.calls.some((c) => c.line.includes('pwned'))).toBe(false);
    } finally {
      run.dispose();
    }
  });
});
