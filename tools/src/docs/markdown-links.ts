import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface BrokenLink {
  /** The Markdown file, relative to the root. */
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown document's headings get on GitHub (repeats get -1, -2, ...). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const slug = headingSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Blanks fenced code blocks (keeping line numbers): no headings or links in there. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
}

/** Blanks code blocks and inline code, where links are not links. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

/** Every relative link and image in a Markdown document, with its line. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  withoutCode(markdown)
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = match[1];
        if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ line: index + 1, target });
      }
    });
  return links;
}

/** Checks every relative link of the given Markdown files: the file exists, and so does its anchor. */
export function brokenLinks(root: string, files: string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const markdown = readFileSync(file, 'utf8');
    for (const { line, target } of linksOf(markdown)) {
      const [path = '', anchor] = target.split('#');
      const destination = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      const report = (reason: string) =>
        broken.push({ file: relative(root, file), line, target, reason });
      if (!existsSync(destination)) {
        report(`${relative(root, destination)} does not exist`);
        continue;
      }
      if (anchor && destination.endsWith('.md') && statSync(destination).isFile()) {
        if (!anchorsOf(readFileSync(destination, 'utf8')).has(anchor))
          report(`${relative(root, destination)} has no heading #${anchor}`);
      }
    }
  }
  return broken;
}

/** The repository's documents: the Markdown files at the root and under docs/. */
export function repositoryDocuments(root: string): string[] {
  const inDir = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.md'))
          .map((name) => join(dir, name))
      : [];
  return [...inDir(root), ...inDir(join(root, 'docs'))];
}
