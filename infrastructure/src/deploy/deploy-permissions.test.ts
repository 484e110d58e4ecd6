/**
 * docs/deploy-permissions.md must grant exactly what the deploy tooling calls (issue 16 item 7):
 * every AWS SDK command (`new XxxCommand(`) and SDK waiter (`waitFor...`/`waitUntil...`) the
 * deploy code uses, mapped to its IAM action, is in the document's policy, and the policy grants
 * nothing else but the few actions AWS authorises on the caller's behalf (INDIRECT_ACTIONS).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEPLOY_DIR = path.dirname(fileURLToPath(import.meta.url));
const DOCUMENT = path.resolve(DEPLOY_DIR, '../../../docs/deploy-permissions.md');

/** IAM service prefix of each SDK client package the deploy code may import. */
const SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  'client-cloudformation': 'cloudformation',
  'client-cloudfront': 'cloudfront',
  'client-cloudwatch-logs': 'logs',
  'client-dynamodb': 'dynamodb',
  'client-ec2': 'ec2',
  'client-kms': 'kms',
  'client-s3': 's3',
  'client-ssm': 'ssm',
  'client-sts': 'sts',
};

/**
 * Commands whose IAM action is not `<prefix>:<name without "Command">`. S3's batch delete is
 * authorised per key, as DeleteObject or, for a versioned key, DeleteObjectVersion; its listings
 * are authorised on the bucket.
 */
const COMMAND_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  's3:ListObjectsV2Command': ['s3:ListBucket'],
  's3:ListObjectVersionsCommand': ['s3:ListBucketVersions'],
  's3:DeleteObjectsCommand': ['s3:DeleteObject', 's3:DeleteObjectVersion'],
};

/** SDK waiters poll one read action each. */
const WAITER_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  waitForChangeSetCreateComplete: ['cloudformation:DescribeChangeSet'],
  waitForStackCreateComplete: ['cloudformation:DescribeStacks'],
  waitForStackUpdateComplete: ['cloudformation:DescribeStacks'],
  waitForStackDeleteComplete: ['cloudformation:DescribeStacks'],
  waitForCommandExecuted: ['ssm:GetCommandInvocation'],
  waitForInvalidationCompleted: ['cloudfront:GetInvalidation'],
  waitUntilTableNotExists: ['dynamodb:DescribeTable'],
};

/**
 * Actions AWS authorises with the caller's rights although the tooling sends no such command:
 * each names the command that causes it, which must still be in the code.
 */
const INDIRECT_ACTIONS: Readonly<
  Record<string, { readonly causedBy: readonly string[]; readonly why: string }>
> = {
  'iam:PassRole': {
    causedBy: ['cloudformation:CreateChangeSetCommand', 'cloudformation:DeleteStackCommand'],
    why: 'a change set or stack deletion naming the CloudFormation service role as RoleARN passes it',
  },
  'kms:Encrypt': {
    causedBy: ['ssm:PutParameterCommand'],
    why: 'SSM encrypts the SecureString JWT secret under the JwtSecretKey as the caller',
  },
  's3:GetObject': {
    causedBy: ['cloudformation:CreateChangeSetCommand'],
    why: 'CloudFormation reads a TemplateURL (a template too large to send inline) as the caller',
  },
  'ssm:AddTagsToResource': {
    causedBy: ['ssm:PutParameterCommand'],
    why: 'the PutParameter that creates the JWT secret tags it',
  },
};

interface SdkUse {
  readonly file: string;
  /** `<prefix>:<identifier>`, e.g. `cloudformation:DescribeStacksCommand`. */
  readonly use: string;
  readonly actions: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.test.ts') &&
        !file.split(path.sep).some((part) => part === 'e2e' || part === 'testing'),
    )
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * The SDK commands and waiters one source file uses, resolved through its imports from
 * `@aws-sdk/client-*`. A `new XxxCommand(` of a class not imported from a known client, or an
 * import from an unknown client, is an error: the mapping must be extended, not guessed.
 */
function sdkUses(file: string, source: string): SdkUse[] {
  const imported = new Map<string, string>();
  for (const match of source.matchAll(
    /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@aws-sdk\/([\w-]+)'/g,
  )) {
    const [, typeOnly, names = '', pkg = ''] = match;
    if (typeOnly) continue;
    for (const raw of names.split(',')) {
      const name = raw.trim();
      if (!name || name.startsWith('type ')) continue;
      const local = name.split(/\s+as\s+/).at(-1) as string;
      if (!/Command$|^waitFor|^waitUntil/.test(local)) continue;
      const prefix = SERVICE_PREFIXES[pkg];
      if (!prefix)
        throw new Error(
          `${file}: ${local} comes from @aws-sdk/${pkg}, which has no IAM prefix in SERVICE_PREFIXES`,
        );
      imported.set(local, `${prefix}:${name.split(/\s+as\s+/)[0]}`);
    }
  }
  const uses: SdkUse[] = [];
  for (const [, name = ''] of source.matchAll(/new\s+([A-Z]\w*Command)\s*\(/g)) {
    const use = imported.get(name);
    if (!use) throw new Error(`${file}: new ${name}( is not imported from an @aws-sdk client`);
    const [prefix, command = ''] = use.split(':');
    uses.push({
      file,
      use,
      actions: COMMAND_ACTIONS[use] ?? [`${prefix}:${command.replace(/Command$/, '')}`],
    });
  }
  for (const [local, use] of imported) {
    if (!/:(waitFor|waitUntil)/.test(use)) continue;
    // Used beyond its import: called, or put in a table of waiters.
    if (source.split(new RegExp(`\\b${local}\\b`)).length < 3) continue;
    const waiter = use.split(':')[1] as string;
    const actions = WAITER_ACTIONS[waiter];
    if (!actions) throw new Error(`${file}: waiter ${waiter} has no entry in WAITER_ACTIONS`);
    uses.push({ file, use, actions });
  }
  return uses;
}

function codeUses(): SdkUse[] {
  return sourceFiles(DEPLOY_DIR).flatMap((file) => sdkUses(file, readFileSync(file, 'utf8')));
}

/** The deploy files a module reaches through its relative (non-type) imports, itself included. */
function reachableFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of source.matchAll(
      /^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms,
    )) {
      const target = path.resolve(path.dirname(file), specifier);
      visit(target.endsWith('.ts') ? target : `${target}.ts`);
    }
  };
  visit(path.join(DEPLOY_DIR, entry));
  return [...seen];
}

/** Actions a module can cause: its reachable SDK uses and the indirect actions they imply. */
function reachableActions(entry: string): Set<string> {
  const uses = reachableFiles(entry).flatMap((file) => sdkUses(file, readFileSync(file, 'utf8')));
  const names = new Set(uses.map((use) => use.use));
  return new Set([
    ...uses.flatMap((use) => use.actions),
    ...Object.entries(INDIRECT_ACTIONS)
      .filter(([, { causedBy }]) => causedBy.some((use) => names.has(use)))
      .map(([action]) => action),
  ]);
}

/** The module each command's statements belong to (Sid prefix). */
const COMMAND_ENTRIES: Readonly<Record<string, string>> = {
  InfraDiff: 'deploy-command.ts',
  InfraDeploy: 'deploy-command.ts',
  InfraDestroy: 'destroy-command.ts',
  InfraBootstrap: 'bootstrap-command.ts',
  InfraStatus: 'status-command.ts',
  ApiDeploy: 'api-deploy-command.ts',
  ApiRotateSecret: 'rotate-secret-command.ts',
  WebDeploy: 'web-deploy-command.ts',
};

interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: unknown;
  readonly Resource?: string | string[];
  readonly NotResource?: unknown;
}

function documentPolicy(): { Version: string; Statement: Statement[] } {
  const text = readFileSync(DOCUMENT, 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  expect(blocks, 'docs/deploy-permissions.md holds exactly one ```json policy').toHaveLength(1);
  return JSON.parse(blocks[0] as string) as { Version: string; Statement: Statement[] };
}

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('the scan of the deploy code', () => {
  it('resolves commands and waiters through their imports, with the IAM names that differ', () => {
    const source = [
      "import { DescribeStacksCommand, waitForStackCreateComplete } from '@aws-sdk/client-cloudformation';",
      "import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';",
      'await cf.send(new DescribeStacksCommand({}));',
      'await waitForStackCreateComplete(waiter, {});',
      'await s3.send(new ListObjectVersionsCommand({ Bucket }));',
      'await waitForStackOperation(ctx);',
    ].join('\n');
    expect(sdkUses('x.ts', source).map((use) => [use.use, use.actions])).toEqual([
      ['cloudformation:DescribeStacksCommand', ['cloudformation:DescribeStacks']],
      ['s3:ListObjectVersionsCommand', ['s3:ListBucketVersions']],
      ['cloudformation:waitForStackCreateComplete', ['cloudformation:DescribeStacks']],
    ]);
  });

  it('refuses a command it cannot attribute to a service', () => {
    expect(() => sdkUses('x.ts', 'await c.send(new MysteryCommand({}));')).toThrow(
      /MysteryCommand/,
    );
    expect(() =>
      sdkUses('x.ts', "import { PutRecordCommand } from '@aws-sdk/client-kinesis';"),
    ).toThrow(/client-kinesis/);
  });

  it('finds what the commands are known to call, and every mapping is still used', () => {
    const uses = codeUses();
    const names = new Set(uses.map((use) => use.use));
    for (const expected of [
      'sts:GetCallerIdentityCommand',
      'cloudformation:CreateChangeSetCommand',
      'cloudformation:waitForStackDeleteComplete',
      's3:ListObjectVersionsCommand',
      'ssm:SendCommandCommand',
      'ssm:waitForCommandExecuted',
      'cloudfront:CreateInvalidationCommand',
      'dynamodb:waitUntilTableNotExists',
      'kms:ScheduleKeyDeletionCommand',
    ])
      expect(names).toContain(expected);
    for (const mapped of Object.keys(COMMAND_ACTIONS)) expect(names).toContain(mapped);
    const waiters = new Set(uses.map((use) => use.use.split(':')[1]));
    for (const waiter of Object.keys(WAITER_ACTIONS)) expect(waiters).toContain(waiter);
    for (const { causedBy } of Object.values(INDIRECT_ACTIONS))
      for (const use of causedBy) expect(names).toContain(use);
  });
});

describe('docs/deploy-permissions.md', () => {
  const policy = documentPolicy();
  const granted = new Set(policy.Statement.flatMap((statement) => asList(statement.Action)));

  it('is an IAM policy of Allow statements, each with a unique Sid naming its command', () => {
    expect(policy.Version).toBe('2012-10-17');
    const sids = policy.Statement.map((statement) => statement.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const statement of policy.Statement) {
      expect(statement.Sid).toMatch(
        /^(AllCommands|InfraDiff|InfraDeploy|InfraDestroy|InfraBootstrap|InfraStatus|ApiDeploy|ApiRotateSecret|WebDeploy)[A-Z]\w*$/,
      );
      expect(statement.Effect).toBe('Allow');
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
      expect(asList(statement.Resource).length).toBeGreaterThan(0);
      for (const action of asList(statement.Action))
        expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
    }
  });

  it('grants every action the deploy code needs', () => {
    const missing = codeUses()
      .flatMap((use) => use.actions.map((action) => ({ action, use })))
      .filter(({ action }) => !granted.has(action))
      .map(({ action, use }) => `${action} (${use.use} in ${path.relative(DEPLOY_DIR, use.file)})`);
    const missingIndirect = Object.keys(INDIRECT_ACTIONS).filter((action) => !granted.has(action));
    expect([...new Set([...missing, ...missingIndirect])]).toEqual([]);
  });

  it('grants nothing the deploy code never needs', () => {
    const needed = new Set([
      ...codeUses().flatMap((use) => use.actions),
      ...Object.keys(INDIRECT_ACTIONS),
    ]);
    expect([...granted].filter((action) => !needed.has(action)).sort()).toEqual([]);
  });

  it("grants each command only what that command's code can reach", () => {
    const reach = Object.fromEntries(
      Object.entries(COMMAND_ENTRIES).map(([prefix, entry]) => [prefix, reachableActions(entry)]),
    );
    // Every command starts with the credential check, and every command reads stack outputs.
    const everyCommand = new Set([
      ...reachableActions('credentials.ts'),
      ...[...reachableActions('stack-state.ts')].filter((action) =>
        Object.values(reach).every((actions) => actions.has(action)),
      ),
    ]);
    const beyond = policy.Statement.flatMap((statement) => {
      const sid = statement.Sid ?? '';
      const prefix = sid.startsWith('AllCommands')
        ? 'AllCommands'
        : Object.keys(COMMAND_ENTRIES)
            .sort((a, b) => b.length - a.length)
            .find((candidate) => sid.startsWith(candidate));
      const allowed = prefix === 'AllCommands' ? everyCommand : reach[prefix ?? ''];
      return asList(statement.Action)
        .filter((action) => !allowed?.has(action))
        .map((action) => `${sid}: ${action}`);
    });
    expect(beyond).toEqual([]);
  });

  it('lists every statement in the table of commands, and every command', () => {
    const text = readFileSync(DOCUMENT, 'utf8');
    const table = text.slice(text.indexOf('## Which statements'), text.indexOf('## The policy'));
    const listed = new Set(
      [...table.matchAll(/`([A-Z]\w+)`/g)].map((match) => match[1]).filter((sid) => sid !== 'Sid'),
    );
    expect(policy.Statement.map((s) => s.Sid).filter((sid) => !listed.has(sid))).toEqual([]);
    expect([...listed].filter((sid) => !policy.Statement.some((s) => s.Sid === sid))).toEqual([]);
    for (const command of [
      'infra:deploy',
      'infra:diff',
      'infra:destroy',
      'infra:bootstrap',
      'api:deploy',
      'api:rotate-secret',
      'web:deploy',
    ])
      expect(table).toContain(`nx run ${command} --env <env>`);
  });
});
