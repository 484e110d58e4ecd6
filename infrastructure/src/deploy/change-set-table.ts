import type { PlannedChange } from './change-set';
import { isDangerous } from './change-set';
import type { Reporter } from './reporter';
import { renderTable } from './text-table';

const ACTION_LABELS: Record<string, string> = {
  Add: '+ add',
  Modify: '~ modify',
  Remove: '- remove',
  Import: '> import',
  Dynamic: '? dynamic',
};

function actionLabel(change: PlannedChange): string {
  if (change.action === 'Modify' && change.replacement === 'True') return '± replace';
  if (change.action === 'Modify' && change.replacement === 'Conditional') return '± replace?';
  return ACTION_LABELS[change.action] ?? change.action;
}

/** Prints the change set the way an operator reviews it: one row per resource, dangerous rows in red. */
export function printChangeSet(
  reporter: Reporter,
  stackName: string,
  changes: readonly PlannedChange[],
): void {
  const counts = new Map<string, number>();
  for (const change of changes)
    counts.set(actionLabel(change), (counts.get(actionLabel(change)) ?? 0) + 1);
  reporter.line(
    `${reporter.style('bold', stackName)}: ${changes.length} change${changes.length === 1 ? '' : 's'} (${[
      ...counts,
    ]
      .map(([label, count]) => `${count} ${label.slice(2)}`)
      .join(', ')})`,
  );
  const rows = changes.map((change) => {
    const danger = isDangerous(change);
    const cells = [
      actionLabel(change),
      change.logicalId,
      change.resourceType,
      change.replacement === 'True' ? 'yes' : change.replacement === 'Conditional' ? 'maybe' : '',
      danger ? 'STATEFUL: data at risk' : (change.physicalId ?? ''),
    ];
    const colour = danger
      ? 'red'
      : change.action === 'Add'
        ? 'green'
        : change.action === 'Remove'
          ? 'red'
          : 'yellow';
    return cells.map((cell) => reporter.style(colour, cell));
  });
  for (const line of renderTable(['action', 'logical id', 'type', 'replace', 'note'], rows))
    reporter.line(`  ${line}`);
  const dangerous = changes.filter(isDangerous);
  if (dangerous.length > 0) {
    reporter.warn(
      `${dangerous.length} stateful resource${dangerous.length === 1 ? '' : 's'} would be replaced or removed: ${dangerous
        .map((change) => `${change.logicalId} (${change.resourceType})`)
        .join(
          ', ',
        )}. Check that it is retained (DeletionPolicy/UpdateReplacePolicy) or backed up before approving.`,
    );
  }
}
