/**
 * "Add Source…" asked for where no source panel is on screen: the app opens the source
 * library, which finds the request waiting when it mounts and opens its New source dialog.
 */
let pending = false;

export function requestNewSource(): void {
  pending = true;
}

/** Whether a request waited; answers true once. */
export function takeNewSourceRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}
