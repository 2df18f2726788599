import { ConnectionPanel } from './panels/connection/ConnectionPanel';
import { BoardMenu } from './panels/board/BoardMenu';
import { lazy, Suspense } from 'react';
import { ProfileBar } from './panels/profiles/ProfileBar';
import { SettingsButton } from './panels/settings/SettingsButton';
import { useWorkOpen, WorkTabs } from './panels/WorkTabs';
import { TroubleshooterButton } from './panels/troubleshooter/TroubleshooterButton';
import { TransportLost } from './panels/connection/TransportLost';
import { TokenProblemPage } from './panels/token/TokenProblemPage';
import { useStore } from './store';
import { ViewOnlyBadge } from './panels/station/ViewOnlyBadge';
import { KeyboardShortcuts, ThemeSwitch } from './keyboard/KeyboardShortcuts';
import { useFirstScreenReady } from './first-screen';
import { LoadBoundary } from './panels/LoadBoundary';

// Loaded after the first screen is usable: the console brings xterm, the editor brings zod
// (its field checks); neither is needed to pick a profile and press Connect.
const ConsolePanel = lazy(() => import('./panels/console/ConsolePanel').then((m) => ({ default: m.ConsolePanel })));
const ProfileEditor = lazy(() => import('./panels/profiles/ProfileEditor').then((m) => ({ default: m.ProfileEditor })));

function ConsolePlaceholder() {
  return <section className="panel console-panel" aria-label="Console" aria-busy="true" data-testid="console-loading" />;
}

export function App() {
  const editing = useStore((s) => s.editing);
  const transport = useStore((s) => s.transport);
  const workOpen = useWorkOpen();
  const troubleOpen = useStore((s) => s.troubleshooterOpen);
  const troubleFront = useStore((s) => s.troubleshooterOpen && s.activeTab === 'troubleshoot');
  const tokenProblem = useStore((s) => s.tokenProblem);
  // A supervisor's view-only page: the connection side (connect, fixes, board switches) cannot be used; main refuses it anyway.
  const viewOnly = useStore((s) => s.access === 'view');
  const firstScreenReady = useFirstScreenReady();
  // The server restarted (new token): this page can do nothing, and says why instead.
  if (tokenProblem) return <TokenProblemPage problem={tokenProblem} />;
  return (
    <div className="app">
      <KeyboardShortcuts />
      <header className="topbar">
        <h1>Bring-up Workbench</h1>
        <ViewOnlyBadge />
        {/* display: contents keeps the top bar's layout; inert stops a view-only page editing profiles or settings. */}
        <div className="topbar-operator" style={{ display: 'contents' }} inert={viewOnly}>
          <ProfileBar />
          <SettingsButton />
        </div>
        <ThemeSwitch />
      </header>
      {transport === 'closed' ? <TransportLost /> : null}
      <main className={`bench${workOpen ? '' : ' work-folded'}${troubleFront ? ' trouble-front' : ''}`}>
        <aside className="bench-side" inert={viewOnly}>
          <ConnectionPanel />
          {/* Open, the troubleshooter is a tab of the main area (WorkTabs); here only its button. */}
          {troubleOpen ? null : <TroubleshooterButton />}
          <BoardMenu />
        </aside>
        <WorkTabs />
        {/* Until then (and while its chunk loads) the console's place is kept: the layout does not jump. */}
        <LoadBoundary what="the console">
          <Suspense fallback={<ConsolePlaceholder />}>{firstScreenReady ? <ConsolePanel /> : <ConsolePlaceholder />}</Suspense>
        </LoadBoundary>
      </main>
      {editing ? (
        <LoadBoundary what="the profile editor">
          <Suspense fallback={null}>
            <ProfileEditor key={editing.id} initial={editing} />
          </Suspense>
        </LoadBoundary>
      ) : null}
    </div>
  );
}
