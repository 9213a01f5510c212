/** Shown instead of the app when browser mode refuses this page (no token, or an old one). */

export function AccessScreen({ message }: { message: string }) {
  return (
    <div className="pane-message" role="alert">
      <h2>Open Copydesk from its address</h2>
      <p>{message}</p>
      <p className="muted">The address looks like http://127.0.0.1:PORT/#token=… and changes each time browser mode starts.</p>
    </div>
  );
}
