// The console's xterm Terminal: one instance for the page's lifetime, kept out
// of React state. React only attaches it to (and detaches it from) a <div>.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { FlowWriter } from './flow-writer';

const term = new Terminal({
  convertEol: false,
  scrollback: 20_000,
  disableStdin: true,
  cursorBlink: false,
  cursorStyle: 'bar',
  cursorInactiveStyle: 'none',
  fontFamily: '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 13,
  theme: {
    background: '#0f1319',
    foreground: '#d7dde5',
    red: '#ff6b6b',
    yellow: '#f2c14e',
    cyan: '#5ec8e5',
    selectionBackground: '#2e4a6b',
  },
});
const fit = new FitAddon();
term.loadAddon(fit);

const writer = new FlowWriter({ write: (data, cb) => term.write(data, cb) });

/** A command typed at the prompt: show the newest output, as a terminal does on input. */
export function scrollConsoleToBottom(): void {
  term.scrollToBottom();
}

/** Queue text for the terminal (flow-controlled). */
export function writeToConsole(data: string): void {
  writer.write(data);
}

let opened = false;

/** Attach the terminal to its container; returns a detach function. */
export function mountTerminal(el: HTMLElement): () => void {
  if (!opened) {
    term.open(el);
    opened = true;
  } else if (term.element && term.element.parentElement !== el) {
    el.appendChild(term.element);
  }
  const refit = (): void => {
    if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
  };
  refit();
  const ro = new ResizeObserver(refit);
  ro.observe(el);
  return () => ro.disconnect();
}
