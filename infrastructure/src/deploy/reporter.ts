import { stripVTControlCharacters, styleText } from 'node:util';

type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold' | 'dim';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width; live lines are cut to it so that a redraw never wraps (and leaves debris). */
  columns?: number;
}

/**
 * Human output. Lines are permanent; the live block (one or more lines: a progress line, or one
 * line per resource in flight) is redrawn in place on a terminal and printed only when its text
 * changes elsewhere (CI logs), so a long wait always shows progress without flooding a log file.
 */
export class Reporter {
  private progressText = '';
  private progressStartedAt = 0;
  private lastPrintedProgress = '';
  /** Lines of the live block as last set; a function so that elapsed times are fresh on each draw. */
  private liveLines: () => readonly string[] = () => [];
  /** How many lines of the live block are on the screen now. */
  private drawn = 0;
  private readonly colors: boolean;

  constructor(
    private readonly out: OutputStream = process.stdout,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.colors = Boolean(out.isTTY) && !process.env['NO_COLOR'];
  }

  /** True on a terminal: callers show a live block there, and plain lines per change elsewhere. */
  get interactive(): boolean {
    return Boolean(this.out.isTTY);
  }

  style(style: Style | Style[], text: string): string {
    return this.colors ? styleText(style, text) : text;
  }

  line(text = ''): void {
    this.clearLive();
    this.out.write(`${text}\n`);
    this.drawLive();
  }

  heading(text: string): void {
    this.line();
    this.line(this.style('bold', text));
  }

  success(text: string): void {
    this.line(this.style('green', `✔ ${text}`));
  }

  warn(text: string): void {
    this.line(this.style('yellow', `⚠ ${text}`));
  }

  error(text: string): void {
    this.line(this.style('red', `✖ ${text}`));
  }

  /** Sets the transient status line; elapsed time is added here so callers pass only what changed. */
  progress(text: string): void {
    if (text !== this.progressText) {
      if (!this.progressText) this.progressStartedAt = this.now();
      this.progressText = text;
    }
    if (this.out.isTTY) {
      this.live(() => [
        `${this.style('cyan', '…')} ${this.progressText} ${this.style('gray', `(${Math.round((this.now() - this.progressStartedAt) / 1000)}s)`)}`,
      ]);
    } else if (text !== this.lastPrintedProgress) {
      this.lastPrintedProgress = text;
      this.out.write(`… ${text}\n`);
    }
  }

  /**
   * Replaces the live block (terminal only; elsewhere it is not shown, and callers print plain
   * lines for what changed). Each line is cut to the terminal width.
   */
  live(lines: () => readonly string[]): void {
    if (!this.out.isTTY) return;
    this.clearLive();
    this.liveLines = lines;
    this.drawLive();
  }

  endProgress(): void {
    this.clearLive();
    this.liveLines = () => [];
    this.progressText = '';
    this.lastPrintedProgress = '';
  }

  /** Moves the cursor to the first line of the live block, erasing it on the way up. */
  private clearLive(): void {
    if (!this.out.isTTY || this.drawn === 0) return;
    this.out.write(`\r\x1b[2K${'\x1b[1A\x1b[2K'.repeat(this.drawn - 1)}`);
    this.drawn = 0;
  }

  /** Leaves the cursor at the end of the block's last line, so the next clear starts there. */
  private drawLive(): void {
    if (!this.out.isTTY) return;
    const lines = this.liveLines();
    if (lines.length === 0) return;
    const width = this.out.columns && this.out.columns > 1 ? this.out.columns - 1 : Infinity;
    this.out.write(lines.map((text) => fitToWidth(text, width)).join('\n'));
    this.drawn = lines.length;
  }
}

/**
 * Cuts a line to `width` visible characters. A styled line that does not fit loses its styles
 * rather than risk cutting an escape sequence in half.
 */
function fitToWidth(text: string, width: number): string {
  const plain = stripVTControlCharacters(text);
  if (plain.length <= width) return text;
  return `${plain.slice(0, Math.max(0, width - 1))}…`;
}

/** Collects output in memory; used by tests to assert what an operator would read. */
export class MemoryOutput implements OutputStream {
  text = '';
  isTTY = false;
  columns?: number;
  write(text: string): void {
    this.text += text;
  }
}
