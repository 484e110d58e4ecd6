import { styleText } from 'node:util';

type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold' | 'dim';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Human output. Lines are permanent; the progress line is rewritten in place on a terminal and
 * printed only when its text changes elsewhere (CI logs), so a long wait always shows progress
 * without flooding a log file.
 */
export class Reporter {
  private progressText = '';
  private progressStartedAt = 0;
  private lastPrintedProgress = '';
  private readonly colors: boolean;

  constructor(
    private readonly out: OutputStream = process.stdout,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.colors = Boolean(out.isTTY) && !process.env['NO_COLOR'];
  }

  style(style: Style | Style[], text: string): string {
    return this.colors ? styleText(style, text) : text;
  }

  line(text = ''): void {
    this.clearProgress();
    this.out.write(`${text}\n`);
    this.redrawProgress();
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
      this.redrawProgress();
    } else if (text !== this.lastPrintedProgress) {
      this.lastPrintedProgress = text;
      this.out.write(`… ${text}\n`);
    }
  }

  endProgress(): void {
    this.clearProgress();
    this.progressText = '';
    this.lastPrintedProgress = '';
  }

  private clearProgress(): void {
    if (this.out.isTTY && this.progressText) this.out.write('\r\x1b[2K');
  }

  private redrawProgress(): void {
    if (!this.out.isTTY || !this.progressText) return;
    const seconds = Math.round((this.now() - this.progressStartedAt) / 1000);
    this.out.write(
      `\r\x1b[2K${this.style('cyan', '…')} ${this.progressText} ${this.style('gray', `(${seconds}s)`)}`,
    );
  }
}

/** Collects output in memory; used by tests to assert what an operator would read. */
export class MemoryOutput implements OutputStream {
  text = '';
  isTTY = false;
  write(text: string): void {
    this.text += text;
  }
}
