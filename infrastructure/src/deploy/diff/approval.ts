import type { ApprovalMode } from '../args';
import type { DeployContext } from '../context';
import { reviewFindings, type ChangeSetReview } from './review';

/**
 * Why this change set needs a human's yes, or undefined when it may run without one:
 * `broadening` asks only when security widens or data could be lost, `any-change` always asks,
 * `never` never does.
 */
export function approvalReason(mode: ApprovalMode, review: ChangeSetReview): string | undefined {
  if (mode === 'never') return undefined;
  if (mode === 'any-change') return 'every change set is approved (--require-approval any-change)';
  const findings = reviewFindings(review);
  if (findings.length === 0) return undefined;
  const widening = findings.filter(({ finding }) => finding.kind !== 'data-loss').length;
  const data = findings.length - widening;
  return [
    widening > 0 ? `${widening} change${widening === 1 ? ' widens' : 's widen'} security` : '',
    data > 0 ? `${data} put${data === 1 ? 's' : ''} data at risk` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/**
 * Asks before a change set runs when --require-approval says so; `--yes` approves everything.
 * Without a terminal, `ctx.confirm` refuses with a sentence naming --yes rather than hang.
 */
export async function approveChangeSet(
  ctx: DeployContext,
  stackName: string,
  review: ChangeSetReview,
): Promise<boolean> {
  if (ctx.options.yes) return true;
  const reason = approvalReason(ctx.options.requireApproval, review);
  if (reason === undefined) {
    ctx.reporter.line(
      `  executing without asking: ${ctx.options.requireApproval === 'never' ? '--require-approval never' : 'nothing widens security or puts data at risk (--require-approval broadening)'}`,
    );
    return true;
  }
  ctx.reporter.line(`  approval needed: ${reason}`);
  return ctx.confirm(`Execute this change set on ${stackName}?`);
}
