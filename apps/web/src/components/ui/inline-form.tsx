import { useId, type ReactNode } from 'react';
import { FormError } from './status';

/**
 * A one-control form in a table row (an order's status, a product's stock). The control's label
 * is for screen readers only, as the row shows what it changes; the button's accessible name
 * (`action`) starts with its visible text and says which row it acts on; a failure shows beside it.
 */
export function InlineForm({
  label,
  submitText,
  action,
  disabled,
  error,
  onSubmit,
  children,
}: {
  label: string;
  submitText: string;
  action: string;
  disabled: boolean;
  error: unknown;
  onSubmit: () => void;
  /** The control, given the id its label points at. */
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      <button
        type="submit"
        className="button button--small"
        disabled={disabled}
        aria-label={action}
      >
        {submitText}
      </button>
      <FormError error={error} />
    </form>
  );
}
