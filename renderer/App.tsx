import { ConnectionPanel } from './panels/connection/ConnectionPanel';
import { BoardMenu } from './panels/board/BoardMenu';
import { ConsolePanel } from './panels/console/ConsolePanel';
import { ProfileBar } from './panels/profiles/ProfileBar';
import { ProfileEditor } from './panels/profiles/ProfileEditor';
import { SettingsButton } from './panels/settings/SettingsButton';
import { useWorkOpen, WorkTabs } from './panels/WorkTabs';
import { TroubleshooterPanel } from './panels/troubleshooter/TroubleshooterPanel';
import { useStore } from './store';

export function App() {
  const editing = useStore((s) => s.editing);
  const transport = useStore((s) => s.transport);
  const workOpen = useWorkOpen();
  return (
    <div className="app">
      <header className="topbar">
        <h1>Bring-up Workbench</h1>
        <ProfileBar />
        <SettingsButton />
      </header>
      {transport === 'closed' ? (
        <div className="banner" role="alert" data-testid="transport-lost">
          Lost the connection to the workbench server. Check that `bringup serve` is still running, then reload.
        </div>
      ) : null}
      <main className={workOpen ? 'bench' : 'bench work-folded'}>
        <aside className="bench-side">
          <ConnectionPanel />
          <TroubleshooterPanel />
          <BoardMenu />
        </aside>
        <WorkTabs />
        <ConsolePanel />
      </main>
      {editing ? <ProfileEditor key={editing.id} initial={editing} /> : null}
    </div>
  );
}
