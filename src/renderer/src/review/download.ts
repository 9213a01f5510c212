/**
 * Hands a text to the user as a file: a link with the `download` attribute on a Blob URL.
 * It works the same in browser mode and in the desktop app, where opening a new window is
 * denied.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its bytes once it starts; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
