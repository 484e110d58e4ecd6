import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A dry run of the EC2 boot script on this machine: bash runs the rendered script in a temporary
 * root, with the AL2023 commands it calls replaced by the stubs in ./stubs, which record every
 * call and emulate just enough (packages appear when dnf installs them, `aws` answers from a fake
 * S3 and SSM, pm2 loads its ecosystem file). Nothing leaves the temporary directory: the script's
 * absolute paths under the sandboxed prefixes are rewritten into the root, PATH holds only the
 * stubs and a short list of real coreutils, and the environment is empty but for what is set here.
 *
 * Everything the test reads back (calls, output, file contents) has the root stripped again, so
 * assertions use the instance's own paths.
 */

export const STUBS_DIR = fileURLToPath(new URL('./stubs/', import.meta.url));

/** Absolute paths the script may write, redirected into the sandbox root. */
export const SANDBOXED_PREFIXES = [
  '/opt',
  '/etc',
  '/var',
  '/usr/local',
  '/usr/bin',
  '/usr/sbin',
  '/home',
  '/root',
  '/srv',
  '/run',
  '/tmp',
];

/** Commands an AL2023 instance has before the script runs (instance path -> stub). */
export const PREINSTALLED: Readonly<Record<string, string>> = {
  '/usr/bin/dnf': 'dnf',
  '/usr/bin/systemctl': 'systemctl',
  '/usr/bin/aws': 'aws',
  '/usr/bin/id': 'id',
  '/usr/bin/chown': 'chown',
  '/usr/bin/install': 'install',
  '/usr/sbin/useradd': 'useradd',
  '/usr/sbin/runuser': 'runuser',
};

/**
 * What `dnf install PACKAGE` puts on the instance (instance path -> stub; a path ending in `/` is
 * a directory). Per the AL2023 guide, nodejs22 provides node-22 and, as the only installed
 * version, the `node`/`npm` alternatives.
 */
export const FAKE_DNF_PACKAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  nodejs22: { '/usr/bin/node-22': 'node', '/usr/bin/node': 'node' },
  'nodejs22-npm': { '/usr/bin/npm-22': 'npm', '/usr/bin/npm': 'npm' },
  'amazon-cloudwatch-agent': {
    '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl':
      'amazon-cloudwatch-agent-ctl',
    '/opt/aws/amazon-cloudwatch-agent/etc/': '',
    '/opt/aws/amazon-cloudwatch-agent/logs/': '',
  },
  'aws-cfn-bootstrap': { '/opt/aws/bin/cfn-signal': 'cfn-signal' },
};

/**
 * What `npm ci` puts into the directory it runs in for a lock whose root depends on NAME (paths
 * relative to that directory): PM2 from the release's lock (infrastructure/src/instance/pm2).
 */
export const FAKE_NPM_PACKAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  pm2: { 'node_modules/.bin/pm2': 'pm2' },
};

/** Real commands the script (and the stubs) may use; nothing else from the host is on PATH. */
export const REAL_TOOLS = [
  'bash', 'sh', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'ln', 'chmod', 'touch', 'install',
  'ls', 'find', 'stat', 'readlink', 'realpath', 'basename', 'dirname', 'mktemp', 'tee', 'tr',
  'grep', 'sed', 'awk', 'cut', 'sort', 'uniq', 'head', 'tail', 'wc', 'xargs', 'env', 'echo',
  'printf', 'true', 'false', 'test', '[', 'date', 'sleep', 'uname', 'tar', 'gzip', 'gunzip',
  'base64', 'sha256sum', 'seq', 'jq',
]; // prettier-ignore

export const NODE_VERSION_ON_INSTANCE = 'v22.12.0';

/** The fake AWS account and the failures to inject. */
export interface DryRunWorld {
  /** S3 objects, keyed `bucket/key` (their buckets exist). */
  readonly s3?: Readonly<Record<string, string>>;
  /** Further buckets that exist, empty. */
  readonly buckets?: readonly string[];
  /** SSM parameter values, keyed by name. */
  readonly ssm?: Readonly<Record<string, string>>;
  /**
   * Calls that fail (exit 1), each written as the call line starts: "npm ci" fails that call
   * and any with more arguments; "pm2" fails every pm2 call.
   */
  readonly failWhen?: readonly string[];
}

/** One call of a stubbed command, with instance paths. */
export interface StubCall {
  /** The command's name (basename). */
  readonly command: string;
  /** The path it was run as: "/opt/aws/bin/cfn-signal", or the name when found on PATH. */
  readonly path: string;
  /** "root", or the user runuser switched to. */
  readonly user: string;
  readonly pm2Home: string;
  readonly args: string[];
  /** `command arg...`, arguments with spaces or quotes single-quoted: what assertions match. */
  readonly line: string;
}

export interface DryRunResult {
  /** The script's exit code (null when it was killed). */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** Processes of the run still alive after it ended (they were killed; a test should fail). */
  readonly leftoverProcesses: boolean;
  /** stdout and stderr, interleaved as they arrived. */
  readonly output: string;
  readonly calls: StubCall[];
  /** The sandbox root on this machine (for debugging; assertions use instance paths). */
  readonly root: string;
  /** The script text as it ran, paths rewritten into the root. */
  readonly sandboxedScript: string;
  readonly exists: (instancePath: string) => boolean;
  readonly read: (instancePath: string) => string;
  /** Permission bits, e.g. 0o600. */
  readonly mode: (instancePath: string) => number;
  /** A symbolic link's target, as an instance path; undefined when the path is no link. */
  readonly link: (instancePath: string) => string | undefined;
  /** Loads a CommonJS file (an ecosystem config) in a separate node, as JSON with instance paths. */
  readonly loadCommonJs: (instancePath: string) => unknown;
  /** Deletes the sandbox (call it in afterAll/afterEach; the accessors above need it). */
  readonly dispose: () => void;
}

export interface DryRunOptions {
  readonly timeoutMs?: number;
}

/**
 * Runs `script` (the rendered user data) with bash in a fresh sandbox and returns what happened.
 * When it resolves, every process the run started has ended (leftovers are killed and reported);
 * the sandbox stays for the accessors until `dispose()`.
 */
export async function dryRunUserData(
  script: string,
  world: DryRunWorld = {},
  options: DryRunOptions = {},
): Promise<DryRunResult> {
  const base = mkdtempSync(join(tmpdir(), 'user-data-dry-run-'));
  const root = join(base, 'root');
  const state = join(base, 'state');
  const tools = join(base, 'tools');
  const log = join(state, 'calls.log');
  const unroot = (text: string) => text.split(root).join('');
  const inRoot = (instancePath: string) => join(root, instancePath);
  const dispose = () => rmSync(base, { recursive: true, force: true });
  try {
    for (const dir of [
      '/usr/local/bin',
      '/usr/local/sbin',
      '/var/log',
      '/etc',
      '/opt',
      '/root',
      '/tmp',
    ])
      mkdirSync(inRoot(dir), { recursive: true });
    mkdirSync(state, { recursive: true });
    writeFileSync(log, '');
    copyFileSync(join(STUBS_DIR, 'prelude.sh'), join(state, 'prelude.sh'));
    installFiles(root, PREINSTALLED);
    for (const [name, files] of Object.entries(FAKE_DNF_PACKAGES))
      installFiles(join(state, 'dnf', name), files);
    for (const [name, files] of Object.entries(FAKE_NPM_PACKAGES))
      installFiles(join(state, 'npm', name), files);
    linkRealTools(tools);
    for (const bucket of world.buckets ?? [])
      mkdirSync(join(state, 's3', bucket), { recursive: true });
    for (const [key, body] of Object.entries(world.s3 ?? {}))
      writeWorldFile(join(state, 's3', key), body);
    for (const [name, value] of Object.entries(world.ssm ?? {}))
      writeWorldFile(join(state, 'ssm', name), value);
    writeFileSync(join(state, 'fail-when'), (world.failWhen ?? []).join('\n'));

    const sandboxedScript = sandboxPaths(script, root);
    const scriptPath = join(base, 'user-data.sh');
    writeFileSync(scriptPath, sandboxedScript, { mode: 0o700 });
    const path = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin'].map(inRoot);
    const run = await runInProcessGroup(join(tools, 'bash'), [scriptPath], {
      cwd: root,
      timeoutMs: options.timeoutMs ?? 60_000,
      env: {
        PATH: [...path, tools].join(delimiter),
        HOME: inRoot('/root'),
        LANG: 'C.UTF-8',
        DRY_RUN_ROOT: root,
        DRY_RUN_STATE: state,
        DRY_RUN_LOG: log,
        DRY_RUN_TOOLS: tools,
        DRY_RUN_NODE: process.execPath,
        DRY_RUN_NODE_VERSION: NODE_VERSION_ON_INSTANCE,
      },
    });
    const calls = parseCalls(readFileSync(log, 'utf8'), unroot);
    return {
      ...run,
      output: unroot(run.output),
      calls,
      root,
      sandboxedScript,
      exists: (p) => existsSync(inRoot(p)),
      read: (p) => unroot(readFileSync(inRoot(p), 'utf8')),
      mode: (p) => statSync(inRoot(p)).mode & 0o7777,
      link: (p) =>
        lstatSync(inRoot(p), { throwIfNoEntry: false })?.isSymbolicLink()
          ? unroot(readlinkSync(inRoot(p)))
          : undefined,
      loadCommonJs: (p) => {
        const result = spawnSync(
          process.execPath,
          ['-e', 'process.stdout.write(JSON.stringify(require(process.argv[1])))', inRoot(p)],
          { encoding: 'utf8', env: { PATH: '' } },
        );
        if (result.status !== 0) throw new Error(`loading ${p} failed:\n${unroot(result.stderr)}`);
        return JSON.parse(unroot(result.stdout)) as unknown;
      },
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Rewrites absolute paths under SANDBOXED_PREFIXES into `root`: a path counts when it starts a
 * word (after a space, quote, `=`, `:`, `>`, `(` ... never after a letter, digit, `/`, `$`, `}` or
 * `.`, so `s3://bucket/opt/x` and `${DIR}/etc` stay) and the prefix ends at `/` or the word's end.
 */
export function sandboxPaths(script: string, root: string): string {
  const prefixes = SANDBOXED_PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w./$}~-])(${prefixes.join('|')})(?=[/\\s'"\`;:)|&>]|$)`, 'gm');
  return script.replace(pattern, (prefix) => root + prefix);
}

/** Ordered-subsequence check: each expected line (exact, or the start of the call followed by
 * more arguments; or a RegExp) must match a call after the previous match. Returns the problem,
 * or undefined when all were found in order. */
export function findOutOfOrder(
  calls: readonly StubCall[],
  expected: readonly (string | RegExp)[],
): string | undefined {
  let from = 0;
  for (const [i, step] of expected.entries()) {
    const index = calls.findIndex((c, j) => j >= from && matchesCall(c, step));
    if (index === -1) {
      const elsewhere = calls.findIndex((c) => matchesCall(c, step));
      return [
        `step ${i + 1} of ${expected.length}, ${String(step)}, ` +
          (elsewhere === -1
            ? 'was never called'
            : `was called only before step ${i} (as call ${elsewhere + 1})`),
        'calls, in order:',
        ...calls.map((c, j) => `  ${j + 1}. ${c.line}`),
      ].join('\n');
    }
    from = index + 1;
  }
  return undefined;
}

export function matchesCall(call: StubCall, step: string | RegExp): boolean {
  return typeof step === 'string'
    ? call.line === step || call.line.startsWith(`${step} `)
    : step.test(call.line);
}

function installFiles(target: string, files: Readonly<Record<string, string>>): void {
  for (const [instancePath, stub] of Object.entries(files)) {
    const path = join(target, instancePath);
    if (instancePath.endsWith('/')) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(STUBS_DIR, `${stub}.sh`), path);
    chmodSync(path, 0o755);
  }
}

function linkRealTools(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const hostPath = (process.env['PATH'] ?? '/usr/bin:/bin').split(delimiter);
  const searchPath = ['/usr/bin', '/bin', ...hostPath].filter((d) => !d.includes('node_modules'));
  for (const tool of REAL_TOOLS) {
    const found = searchPath.map((d) => join(d, tool)).find((p) => existsSync(p));
    if (found) symlinkSync(found, join(dir, tool));
    else if (tool === 'bash') throw new Error('bash is not installed');
  }
}

function writeWorldFile(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
}

function parseCalls(log: string, unroot: (text: string) => string): StubCall[] {
  return log
    .split('\x1e')
    .filter((record) => record !== '')
    .map((record) => {
      const [command = '', path = '', user = '', pm2Home = '', ...args] = record
        .split('\x1f')
        .map(unroot);
      const line = [command, ...args].map(quoteForLine).join(' ');
      return { command, path, user, pm2Home, args, line };
    });
}

function quoteForLine(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

interface ProcessGroupRun {
  exitCode: number | null;
  timedOut: boolean;
  leftoverProcesses: boolean;
  output: string;
}

/** Runs a command as the leader of a new process group; the whole group is gone on return. */
function runInProcessGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<ProcessGroupRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    let timedOut = false;
    const killGroup = (): boolean => {
      if (child.pid === undefined) return false;
      try {
        process.kill(-child.pid, 'SIGKILL');
        return true;
      } catch {
        return false; // ESRCH: no process left in the group
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      killGroup();
      reject(error);
    });
    // 'close' comes after the exit and after every holder of stdout/stderr (tee) closed them;
    // a process that just closed them may still be finishing its exit, so leftovers get a moment.
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      void (async () => {
        let living = child.pid === undefined ? [] : livingProcessesInGroup(child.pid);
        for (let i = 0; i < 50 && living.length > 0 && child.pid !== undefined; i++) {
          await new Promise((r) => setTimeout(r, 20));
          living = livingProcessesInGroup(child.pid);
        }
        if (living.length > 0) killGroup();
        resolve({
          exitCode,
          timedOut,
          leftoverProcesses: living.length > 0,
          output: Buffer.concat(chunks).toString('utf8'),
        });
      })();
    });
  });
}

/**
 * Processes of a process group that are still running. Exited processes waiting to be reaped
 * (zombies) do not count: an orphaned `tee` of the script's `exec > >(tee ...)` is reparented to
 * PID 1, and on machines whose PID 1 does not reap, it stays a zombie although it has ended.
 * Without /proc (macOS), any member of the group counts.
 */
function livingProcessesInGroup(pgid: number): number[] {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return []; // gone meanwhile
      }
      // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z' ? [Number(pid)] : [];
    });
}
