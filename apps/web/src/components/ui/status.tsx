import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/api-client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function ErrorMessage({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="status status--error" role="alert">
      <p>
        <strong>{title}.</strong> {errorMessage(error)}
      </p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * What a query shows until it has succeeded: a spinner while it loads, then its error with a
 * retry. Render it when `query.isSuccess` is false, so the code after the check has the data.
 */
export function QueryStatus({
  query,
  loadingLabel,
  errorTitle,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  loadingLabel: string;
  errorTitle: string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  return (
    <ErrorMessage error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status status--empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

/** An empty cart or order list, with the way to the catalog and what to do there. */
export function EmptyWithCatalogLink({ title, purpose }: { title: string; purpose: string }) {
  return (
    <EmptyState title={title}>
      <p>
        <Link to="/">Browse the catalog</Link> {purpose}
      </p>
    </EmptyState>
  );
}

/**
 * A form's or an action's failure, announced as it appears; nothing while there is none. Takes
 * the error (a mutation's `error`) or a message already worded for the page.
 */
export function FormError({ error }: { error: unknown }) {
  if (error === null || error === undefined || error === '') return null;
  return (
    <p className="form__error" role="alert">
      {typeof error === 'string' ? error : errorMessage(error)}
    </p>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
