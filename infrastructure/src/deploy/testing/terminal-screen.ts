import type { OutputStream } from '../reporter';

/**
 * A minimal terminal for tests: interprets what the Reporter writes (text, \n, \r, erase line,
 * cursor up, colours) into the lines a person would see on the screen now. A line written past
 * the width is recorded, since a real terminal would wrap it and the next redraw leave debris.
 */
const ESC = '\x1b';

export class TerminalScreen implements OutputStream {
  readonly isTTY = true;
  private readonly rows: string[] = [''];
  private row = 0;
  private col = 0;
  overflowed: string[] = [];

  constructor(readonly columns = 80) {}

  write(text: string): void {
    const tokens = text.match(new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]|[\\s\\S]`, 'g')) ?? [];
    for (const token of tokens) {
      if (token === '\n') {
        this.row += 1;
        this.col = 0;
        if (this.rows.length <= this.row) this.rows.push('');
      } else if (token === '\r') this.col = 0;
      else if (token === '\x1b[2K') this.rows[this.row] = '';
      else if (token.startsWith(`${ESC}[`) && token.endsWith('A')) {
        this.row = Math.max(0, this.row - Number(/\d+/.exec(token)?.[0] ?? 1));
      } else if (token.startsWith('\x1b[')) continue;
      else {
        const line = (this.rows[this.row] ?? '').padEnd(this.col);
        this.rows[this.row] = line.slice(0, this.col) + token + line.slice(this.col + 1);
        this.col += 1;
        if (this.col > this.columns) this.overflowed.push(this.rows[this.row] ?? '');
      }
    }
  }

  /** The screen, top to bottom, without the empty line the cursor may sit on at the end. */
  lines(): string[] {
    const lines = this.rows.map((line) => line.trimEnd());
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
}
