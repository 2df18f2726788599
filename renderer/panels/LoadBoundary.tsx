// Around a panel that loads its code on first use (React.lazy): a chunk that cannot be
// fetched (the server went away, a network error) or a panel that throws while
// rendering shows here, with a reload to try again, instead of React unmounting the whole
// page (without a boundary an error in render takes every panel down, the connection
// state included). Class component: React's error boundaries have no hook form.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the panel is, for the message ("the console"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
}

export class LoadBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel load-failed" role="alert" data-testid="panel-load-failed">
        <p>
          Could not show {this.props.what}: {error.message}
        </p>
        <p className="muted small">If the connection to the app was lost, reconnect first.</p>
        {/* A module that failed to load stays failed in this page (the browser keeps the
            failure, and so does React.lazy): only a reload fetches it again. */}
        <button type="button" className="small" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
