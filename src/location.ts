import type { Location } from './facts.js';

/** Maps string offsets to 1-based line/column. `\r\n`, `\n` and a lone `\r` all end a line (Java properties spec). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Text of a 1-based line without its terminator. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, '');
  }

  /** A location from `start` to `end` (exclusive). An empty range is widened to one character for SARIF viewers. */
  range(start: number, end: number): Location {
    const a = this.position(start);
    const b = this.position(Math.max(end, start));
    const location: Location = { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    if (location.endLine === location.line && location.endColumn <= location.column) location.endColumn = location.column + 1;
    return location;
  }

  /**
   * Like `range`, but cut at the end of the first line: GitHub shows a pull-request annotation only when every
   * line of the region was changed, so a multi-line value (continuations, block lists) keeps its key's line.
   */
  firstLineRange(start: number, end: number): Location {
    const location = this.range(start, end);
    if (location.endLine === location.line) return location;
    return { ...location, endLine: location.line, endColumn: Math.max(this.lineText(location.line).length + 1, location.column + 1) };
  }
}
