import type { Finding } from './broadening';
import { formatValue, type PropertyChange } from './property-diff';
import { reviewFindings, type ChangeSetReview, type ResourceReview } from './review';

type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold';
export type Styler = (style: Style | Style[], text: string) => string;

const plain: Styler = (_, text) => text;

const SOURCES: Readonly<Record<ChangeSetReview['source'], string>> = {
  'change set': 'from the change set',
  templates: 'from the deployed and the local template',
  'local template': 'from the local template',
};

function attached(change: PropertyChange, finding: Finding): boolean {
  if (finding.path === '') return false;
  return (
    change.path === finding.path ||
    change.path.startsWith(`${finding.path}.`) ||
    change.path.startsWith(`${finding.path}[`) ||
    // A whole list element added or removed carries the findings about its parts.
    finding.path.startsWith(`${change.path}.`) ||
    finding.path.startsWith(`${change.path}[`)
  );
}

function recreation(change: PropertyChange): string {
  if (change.requiresRecreation === 'Always') return ' (requires replacement)';
  if (change.requiresRecreation === 'Conditionally') return ' (may require replacement)';
  return '';
}

function propertyLine(
  resource: ResourceReview,
  change: PropertyChange,
  marks: readonly Finding[],
  style: Styler,
): string {
  const symbol = change.before === undefined ? '+' : change.after === undefined ? '-' : '~';
  const value =
    symbol === '+'
      ? formatValue(change.after)
      : symbol === '-'
        ? `${formatValue(change.before)} (removed)`
        : `${formatValue(change.before)} → ${formatValue(change.after)}`;
  const mark =
    marks.length > 0
      ? `  ${style(['red', 'bold'], `⚠ ${marks.map((m) => m.label).join(', ')}`)}`
      : '';
  const path = change.path === '' ? '' : ` ${change.path}`;
  return `${symbol} ${resource.logicalId}${path}: ${value}${recreation(change)}${mark}`;
}

/**
 * The lines that say, per resource, which properties change from what to what, with a mark on
 * each change that widens security or puts data at risk; then the parameter changes. Findings no
 * property line carries (an added resource, a replacement) get a line of their own.
 */
export function reviewLines(review: ChangeSetReview, style: Styler = plain): string[] {
  const lines: string[] = [];
  const propertyLines: string[] = [];
  for (const resource of review.resources) {
    const shown = new Set<Finding>();
    for (const change of resource.propertyChanges) {
      const marks = resource.findings.filter((finding) => attached(change, finding));
      marks.forEach((mark) => shown.add(mark));
      propertyLines.push(propertyLine(resource, change, marks, style));
    }
    const symbol = resource.action === 'Add' ? '+' : resource.action === 'Remove' ? '-' : '~';
    for (const finding of resource.findings.filter((f) => !shown.has(f))) {
      const path = finding.path ? ` ${finding.path}` : '';
      propertyLines.push(
        `${symbol} ${resource.logicalId}${path}  ${style(['red', 'bold'], `⚠ ${finding.label}`)}: ${finding.detail}`,
      );
    }
  }
  if (propertyLines.length > 0) {
    lines.push(`property changes (${SOURCES[review.source]}):`);
    lines.push(...propertyLines.map((line) => `  ${line}`));
  }
  if (review.parameters.length > 0) {
    lines.push('parameter changes:');
    for (const parameter of review.parameters) {
      const show = (value: string | undefined) =>
        value === undefined ? '(none)' : parameter.secret ? '****' : value === '' ? '""' : value;
      lines.push(`  ~ ${parameter.name}: ${show(parameter.before)} → ${show(parameter.after)}`);
    }
  }
  return lines;
}

/** One sentence naming what widens security (data at risk is summed up by the change-set table). */
export function broadeningSummary(review: ChangeSetReview): string | undefined {
  const widening = reviewFindings(review).filter(({ finding }) => finding.kind !== 'data-loss');
  if (widening.length === 0) return undefined;
  const names = [...new Set(widening.map(({ logicalId }) => logicalId))];
  return `${widening.length} change${widening.length === 1 ? '' : 's'} widen${widening.length === 1 ? 's' : ''} security (${names.join(', ')}): check each marked line before approving.`;
}
