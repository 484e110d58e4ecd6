import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, brokenLinks, linksOf, repositoryDocuments } from './markdown-links';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('links in the README and docs', () => {
  it('every relative link in *.md at the root and in docs/ resolves, anchors included', () => {
    const documents = repositoryDocuments(ROOT);
    expect(documents.map((d) => d.slice(ROOT.length + 1))).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'docs/architecture.md',
        'docs/performance.md',
      ]),
    );
    expect(brokenLinks(ROOT, documents)).toEqual([]);
  });

  it('the README links the architecture, the budgets, the licence and the walk-through', () => {
    const targets = linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        'docs/architecture.md',
        'docs/performance.md',
        'LICENSE',
        'CONTRIBUTING.md',
        'docs/walkthrough.sh',
      ]),
    );
  });
});

describe('the link checker', () => {
  it('finds a missing file, a missing anchor, and ignores code and external links', () => {
    const root = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs/guide.md'), '# Guide\n\n## Set up `npm` & run\n\n## Set up\n');
    writeFileSync(
      join(root, 'README.md'),
      [
        '[ok](docs/guide.md#set-up-npm--run) [repeat](docs/guide.md#guide)',
        '[bad file](docs/missing.md) and ![bad image](img/none.png "title")',
        '[bad anchor](docs/guide.md#nowhere) [self](#readme)',
        '`[code](nowhere.md)` [web](https://example.com/x) [mail](mailto:a@example.com)',
        '```',
        '[fenced](nowhere.md)',
        '```',
        '# Readme',
      ].join('\n'),
    );
    expect(anchorsOf('# A\n# A\n')).toEqual(new Set(['a', 'a-1']));
    expect(brokenLinks(root, repositoryDocuments(root))).toEqual([
      {
        file: 'README.md',
        line: 2,
        target: 'docs/missing.md',
        reason: 'docs/missing.md does not exist',
      },
      { file: 'README.md', line: 2, target: 'img/none.png', reason: 'img/none.png does not exist' },
      {
        file: 'README.md',
        line: 3,
        target: 'docs/guide.md#nowhere',
        reason: 'docs/guide.md has no heading #nowhere',
      },
    ]);
  });
});
