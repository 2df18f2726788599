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
// says so (and how to get the right address), never the workbench. The socket opens and
// the start-up requests go out meanwhile (the server checks the token on the socket
// too, so nothing is answered to a wrong one): the check and the first data cost one
// round trip together instead of one after the other.
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const handle = pickApi();
  const checked = window.bringup ? undefined : checkToken();
  void startUp(handle);
  const problem = await checked;
  if (problem) {
    createRoot(root).render(<TokenProblemPage problem={problem} />);
    return;
  }
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
void boot();
