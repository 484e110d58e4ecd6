/** Pads columns to their widest cell; widths ignore ANSI colour codes so coloured cells align. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC by definition
  const visible = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths = headers.map((header, column) =>
    Math.max(visible(header), ...rows.map((row) => visible(row[column] ?? ''))),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - visible(cell))))
      .join('  ')
      .trimEnd();
  return [format(headers), format(widths.map((width) => '─'.repeat(width))), ...rows.map(format)];
}
