import type { ReactNode } from 'react';

/** A column heading; numeric columns (amounts, quantities) are right-aligned. */
export type Column = string | { label: string; numeric: true };

/**
 * A data table in its scrolling frame: a caption for screen readers (the page's heading names it
 * for everyone else), a row of column headings and, when given, a total row under the rows.
 */
export function Table({
  caption,
  columns,
  wide = false,
  className,
  total,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  /** Scrolls sideways on small screens rather than squeezing its columns. */
  wide?: boolean;
  /** Extra classes for the frame. */
  className?: string;
  /** The last column's total, labelled across the other columns. */
  total?: { label: string; amount: string };
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'}>
      <table className={wide ? 'table table--wide' : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="num">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={columns.length - 1}>
                {total.label}
              </th>
              <td className="num">
                <strong>{total.amount}</strong>
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
