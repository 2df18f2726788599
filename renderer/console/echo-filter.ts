// OpenOCD prints every command's result to its own log as well as returning it
// over RPC, so a console command would show its output twice. The filter keeps
// one copy: while a command runs it remembers the log's user-level lines; when
// the reply comes it is printed only if the log has not shown it already, and
// then the log's late copy (if it comes after the reply) is dropped.
import type { LogLine } from '../../shared/connection';

const norm = (s: string): string => s.replace(/\s+$/, '');
const MAX_SEEN = 5000;
const ECHO_WINDOW_MS = 2000;

export function replyLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map(norm);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export class EchoFilter {
  private seen: string[] = [];
  private active = false;
  private expected: string[] = [];
  private expectedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A console command was sent. */
  begin(): void {
    this.active = true;
    this.seen = [];
  }

  /** The log lines to show (drops the late echo of the last reply). */
  filterLog(lines: readonly LogLine[]): LogLine[] {
    if (this.expected.length > 0 && this.now() > this.expectedUntil) this.expected = [];
    const out: LogLine[] = [];
    for (const l of lines) {
      if (l.level === 'user' && this.expected.length > 0 && norm(l.text) === this.expected[0]) {
        this.expected.shift();
        continue;
      }
      if (this.active && l.level === 'user' && this.seen.length < MAX_SEEN) this.seen.push(norm(l.text));
      out.push(l);
    }
    return out;
  }

  /** The reply came: should the console print it? */
  end(reply: string): boolean {
    this.active = false;
    const lines = replyLines(reply);
    const seen = this.seen;
    this.seen = [];
    if (lines.length === 0) return false;
    if (containsRun(seen, lines)) return false;
    this.expect(lines);
    return true;
  }

  /** The command failed: its error is printed from the reply, so drop the log's plain copy if it comes later. */
  endFailed(rawText: string): void {
    const lines = replyLines(rawText);
    const seen = this.seen;
    this.active = false;
    this.seen = [];
    if (lines.length > 0 && !containsRun(seen, lines)) this.expect(lines);
  }

  private expect(lines: string[]): void {
    this.expected = lines;
    this.expectedUntil = this.now() + ECHO_WINDOW_MS;
  }
}

export function firstLine(text: string | undefined): string {
  return text?.split(/\r?\n/)[0] ?? '';
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= haystack.length; i++) {
    for (let j = 0; j < run.length; j++) if (haystack[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
