// Where the store writes console text. xterm is the largest library of the first screen,
// so it loads with the console panel's chunk, after the connection panel is usable; text
// written before that (the log history, the first connect) waits here and goes to the
// terminal in order once it has loaded. The wait is bounded: the oldest text goes first,
// as it would off the top of the terminal's scrollback.
type TerminalModule = typeof import('./terminal');

export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

let term: TerminalModule | undefined;
let loading: Promise<TerminalModule> | undefined;
let pending: string[] = [];
let pendingChars = 0;
let scrollWanted = false;

/** Load the terminal (once) and hand it what waited. The console panel calls this when it mounts. */
export function loadTerminal(): Promise<TerminalModule> {
  loading ??= import('./terminal').then((m) => {
    term = m;
    for (const chunk of pending) m.writeToConsole(chunk);
    pending = [];
    pendingChars = 0;
    if (scrollWanted) m.scrollConsoleToBottom();
    return m;
  });
  return loading;
}

/** Queue text for the terminal (flow-controlled there). */
export function writeToConsole(data: string): void {
  if (term) return term.writeToConsole(data);
  pending.push(data);
  pendingChars += data.length;
  while (pendingChars > MAX_PENDING_CHARS && pending.length > 1) pendingChars -= pending.shift()!.length;
}

/** A command typed at the prompt: show the newest output, as a terminal does on input. */
export function scrollConsoleToBottom(): void {
  if (term) term.scrollConsoleToBottom();
  else scrollWanted = true;
}
