import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dryRunUserData } from '../stacks/ec2/testing/dry-run';
import { PM2_BIN, PM2_FILES, PM2_LOCK_DIR, PM2_PREFIX, instanceFunctions } from './app-scripts';

/**
 * Issue 16 item 8: PM2 on the instances comes from the committed lock (./pm2), not from a version
 * range resolved at boot. The lock is checked for what makes `npm ci` reproducible and safe, and
 * installed for real from the npm registry the way install_pm2 does on an instance.
 */
const PM2_VERSION = '6.0.14';
const manifest = JSON.parse(readFileSync(join(PM2_LOCK_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(PM2_LOCK_DIR, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<
    string,
    {
      version?: string;
      optional?: boolean;
      os?: string[];
      integrity?: string;
      resolved?: string;
      dependencies?: Record<string, string>;
    }
  >;
};

describe("PM2's lock", () => {
  it(`pins pm2 ${PM2_VERSION} exactly, in the manifest and the lock`, () => {
    expect(manifest.dependencies).toEqual({ pm2: PM2_VERSION });
    expect(lock.packages['']?.dependencies).toEqual({ pm2: PM2_VERSION });
    expect(lock.packages['node_modules/pm2']?.version).toBe(PM2_VERSION);
    expect(lock.lockfileVersion).toBe(3);
  });

  it('names every package with its registry tarball and a sha512 integrity hash npm ci checks', () => {
    const packages = Object.entries(lock.packages).filter(([key]) => key !== '');
    expect(packages.length).toBeGreaterThan(100);
    const unverified = packages
      .filter(
        ([, entry]) =>
          !entry.integrity?.startsWith('sha512-') ||
          !entry.resolved?.startsWith('https://registry.npmjs.org/'),
      )
      .map(([key]) => key);
    expect(unverified).toEqual([]);
  });
});

describe('npm ci --ignore-scripts from the lock (against the npm registry)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm2-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`installs exactly the locked tree, and the pm2 it installs is ${PM2_VERSION}`, () => {
    for (const file of PM2_FILES) copyFileSync(join(PM2_LOCK_DIR, file), join(dir, file));
    const install = spawnSync(
      'npm',
      ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier'],
      { cwd: dir, encoding: 'utf8', timeout: 240_000 },
    );
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    // npm ci leaves the lock as it was: it installed what it says, nothing resolved anew.
    expect(readFileSync(join(dir, 'package-lock.json'), 'utf8')).toBe(
      readFileSync(join(PM2_LOCK_DIR, 'package-lock.json'), 'utf8'),
    );
    // Optional packages for other systems (fsevents is macOS only) are skipped, as on the instance.
    const installed = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && !(entry.optional && !entry.os?.includes('linux')))
      .map(([key]) => key)
      .filter((key) => !existsSync(join(dir, key, 'package.json')));
    expect(installed, 'locked packages npm ci did not install').toEqual([]);

    // Loading PM2's API resolves its whole dependency tree; no CLI call, which would start PM2's
    // daemon, a process this test would then have to stop.
    const loaded = spawnSync(
      process.execPath,
      [
        '-e',
        "const pm2 = require('pm2'); const { version } = require('pm2/package.json'); process.stdout.write(typeof pm2.connect + ' ' + version);",
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env['PATH'], HOME: dir, PM2_HOME: join(dir, 'pm2-home') },
      },
    );
    expect(loaded.stdout, loaded.stderr).toBe(`function ${PM2_VERSION}`);
    expect(statSync(join(dir, 'node_modules', '.bin', 'pm2')).isFile()).toBe(true);
  }, 300_000);
});

describe('install_pm2 on an instance (dry run, npm stubbed)', () => {
  const RELEASE = '/opt/mini-ecommerce/api/releases/20261129T120000-0123456789ab';
  const LOCK = readFileSync(join(PM2_LOCK_DIR, 'package-lock.json'), 'utf8');
  const MANIFEST = readFileSync(join(PM2_LOCK_DIR, 'package.json'), 'utf8');
  /** Writes a file from the test into the sandbox through the script, as a here-document. */
  const write = (file: string, body: string) => [
    `mkdir -p "$(dirname ${file})"`,
    `cat > ${file} <<'BODY'\n${body}\nBODY`,
  ];
  /** PM2 as an earlier activation left it: its lock, and the stubbed binary. */
  const installed = (lock: string) => [
    ...write(`${PM2_PREFIX}/package-lock.json`, lock),
    `mkdir -p "$(dirname ${PM2_BIN})"`,
    `cp "$DRY_RUN_STATE/npm/pm2/node_modules/.bin/pm2" ${PM2_BIN}`,
  ];
  const releaseWithLock = [
    ...write(`${RELEASE}/pm2/package.json`, MANIFEST),
    ...write(`${RELEASE}/pm2/package-lock.json`, LOCK),
  ];
  const run = (setup: string[]) =>
    dryRunUserData(
      [
        '#!/bin/bash',
        'set -euo pipefail',
        "region='eu-west-1'",
        "env='dev'",
        ...instanceFunctions(),
        // npm as the instance has it once dnf installed nodejs22-npm (the user data does that first).
        'cp "$DRY_RUN_STATE/dnf/nodejs22-npm/usr/bin/npm" /usr/bin/npm',
        `mkdir -p ${RELEASE}`,
        ...setup,
        `install_pm2 ${RELEASE}`,
      ].join('\n'),
    );
  const npmCalls = (result: Awaited<ReturnType<typeof run>>) =>
    result.calls.filter((call) => call.command === 'npm').map((call) => call.line);

  it('installs from the release lock on a fresh instance, and replaces a different lock', async () => {
    for (const setup of [
      releaseWithLock,
      [...installed('{"other": "lock"}'), ...releaseWithLock],
    ]) {
      const result = await run(setup);
      try {
        expect(result.exitCode, result.output).toBe(0);
        expect(npmCalls(result)).toEqual([
          'npm ci --ignore-scripts --no-audit --no-fund --no-update-notifier',
        ]);
        expect(result.read(`${PM2_PREFIX}/package-lock.json`).trimEnd()).toBe(LOCK.trimEnd());
        expect(result.exists(PM2_BIN)).toBe(true);
      } finally {
        result.dispose();
      }
    }
  });

  it('installs nothing when the release carries the lock already installed', async () => {
    const result = await run([...installed(LOCK), ...releaseWithLock]);
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(npmCalls(result)).toEqual([]);
    } finally {
      result.dispose();
    }
  });

  it('keeps the installed PM2 for a release from before the lock (a rollback), and refuses one without any PM2', async () => {
    const rollback = await run(installed(LOCK));
    try {
      expect(rollback.exitCode, rollback.output).toBe(0);
      expect(npmCalls(rollback)).toEqual([]);
    } finally {
      rollback.dispose();
    }
    const fresh = await run([]);
    try {
      expect(fresh.exitCode).toBe(1);
      expect(fresh.output).toContain(
        'refusing release 20261129T120000-0123456789ab: it carries no pm2/package-lock.json and PM2 is not installed',
      );
      expect(npmCalls(fresh)).toEqual([]);
    } finally {
      fresh.dispose();
    }
  });
});
