import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGeneratedFiles } from './generate';

describe('infra:generate', () => {
  const setUp = () => {
    const root = mkdtempSync(join(tmpdir(), 'generate-'));
    writeFileSync(join(root, 'main-stack.yml'), 'same\n');
    writeFileSync(join(root, 'ec2-stack.yml'), 'old\n');
    const files = [
      { path: join(root, 'main-stack.yml'), content: 'same\n' },
      { path: join(root, 'ec2-stack.yml'), content: 'new\n' },
      { path: join(root, 'monitoring-stack.yml'), content: 'fresh\n' },
    ];
    return { root, files };
  };

  it('says which templates changed, were created or stayed the same, and writes only those', () => {
    const { root, files } = setUp();
    expect(writeGeneratedFiles(files, { root }).map((r) => `${r.name}: ${r.status}`)).toEqual([
      'main-stack.yml: unchanged',
      'ec2-stack.yml: changed',
      'monitoring-stack.yml: created',
    ]);
    expect(readFileSync(join(root, 'ec2-stack.yml'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(root, 'monitoring-stack.yml'), 'utf8')).toBe('fresh\n');
    expect(writeGeneratedFiles(files, { root }).every((r) => r.status === 'unchanged')).toBe(true);
  });

  it('with --check reports the same statuses and writes nothing', () => {
    const { root, files } = setUp();
    expect(writeGeneratedFiles(files, { root, check: true }).map((r) => r.status)).toEqual([
      'unchanged',
      'changed',
      'created',
    ]);
    expect(readFileSync(join(root, 'ec2-stack.yml'), 'utf8')).toBe('old\n');
  });
});
