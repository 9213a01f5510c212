/**
 * If an article cannot be shown (its body holds something this version of the editor does
 * not know), say so in its pane instead of blanking the whole window. Nothing is saved
 * from a pane that failed, so the file stays as it is.
 */
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ArticleErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="pane-message" role="alert">
        <h2>This article cannot be shown</h2>
        <p>
          The editor could not display it: <strong>{this.state.error.message}</strong>
        </p>
        <p>Its file was left exactly as it is. It may have been written by a newer Copydesk or edited by hand; open it in a text editor to look, or pick another article.</p>
      </div>
    );
  }
}
