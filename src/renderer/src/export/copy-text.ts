/**
 * Puts a text on the clipboard: the Clipboard API where the page may use it, else the
 * older copy command on a hidden field (the desktop app denies permission requests).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    // Inside the open dialog: a modal dialog makes the rest of the page inert.
    (document.querySelector('dialog[open]') ?? document.body).append(field);
    field.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    field.remove();
    return copied;
  }
}
