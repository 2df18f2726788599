import { ConnectionPanel } from './panels/connection/ConnectionPanel';
import { BoardMenu } from './panels/board/BoardMenu';
import { ConsolePanel } from './panels/console/ConsolePanel';
import { ProfileBar } from './panels/profiles/ProfileBar';
import { ProfileEditor } from './panels/profiles/ProfileEditor';
import { WorkTabs } from './panels/WorkTabs';
import { TroubleshooterPanel } from './panels/troubleshooter/TroubleshooterPanel';
import { useStore } from './store';

export function App() {
  const editing = useStore((s) => s.editing);
  const transport = useStore((s) => s.transport);
  return (
    <div className="app">
      <header className="topbar">
        <h1>Bring-up Workbench</h1>
        <ProfileBar />
      </header>
      {transport === 'closed' ? (
        <div className="banner" role="alert" data-testid="transport-lost">
          Lost the connection to the workbench server. Check that `bringup serve` is still running, then reload.
        </div>
      ) : null}
      <main className="workspace">
        <ConnectionPanel />
        <ConsolePanel />
        <TroubleshooterPanel />
      </main>
      {editing ? <ProfileEditor key={editing.id} initial={editing} /> : null}
    </div>
  );
}
