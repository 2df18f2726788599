import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import '@xterm/xterm/css/xterm.css';
import './styles.css';
import './workbench.css';
import { App } from './App';
import { pickApi } from './api';
import { checkToken } from './api/token-check';
import { TokenProblemPage } from './panels/token/TokenProblemPage';
import { startUp } from './startup';

// The page's CSP forbids eval: keep zod off its eval-compiled fast path.
z.config({ jitless: true });

// Browser mode checks the page's token first: a missing or wrong one gets a page that
// says so (and how to get the right address), never the workbench.
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const problem = window.bringup ? undefined : await checkToken();
  if (problem) {
    createRoot(root).render(<TokenProblemPage problem={problem} />);
    return;
  }
  void startUp(pickApi());
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void boot();
