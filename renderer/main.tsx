import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import './workbench.css';
import { App } from './App';
import { pickApi } from './api';
import { checkToken } from './api/token-check';
import { TokenProblemPage } from './panels/token/TokenProblemPage';
import { startUp } from './startup';

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
