import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import '@xterm/xterm/css/xterm.css';
import './styles.css';
import './workbench.css';
import { App } from './App';
import { pickApi } from './api';
import { startUp } from './startup';

// The page's CSP forbids eval: keep zod off its eval-compiled fast path.
z.config({ jitless: true });

void startUp(pickApi());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
