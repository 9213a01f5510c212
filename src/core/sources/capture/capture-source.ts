/**
 * A web address as a source: the page captured (captureUrl), read by what the server says
 * it is (an HTML page, a PDF, plain text; the bytes decide when the type is missing or
 * vague), and marked as captured from that address at that time.
 */
import { fail, ok, type Result } from '../../../shared/result';
import type { NewSource } from '../source-store';
import { charsetOf, decodeHtml } from '../extract/html-charset';
import { extractPdf, isPdf } from '../extract/pdf-document';
import { decodeText, extractMarkdown, extractPlainText } from '../extract/plain-text';
import { extractWebPage } from '../extract/web-page';
import { captureUrl, type CaptureOptions, type Captured } from './capture-url';

export async function captureSource(url: string, options: CaptureOptions = {}): Promise<Result<NewSource, string>> {
  const captured = await captureUrl(url, options);
  if (!captured.ok) return captured;
  try {
    const read = await readCaptured(captured.value);
    if (!read.ok) return read;
    const { fields, csl, snapshot } = read.value;
    const today = new Date();
    return ok({
      fields: { ...fields, URL: fields.URL || captured.value.finalUrl },
      csl: { ...csl, accessed: { 'date-parts': [[today.getFullYear(), today.getMonth() + 1, today.getDate()]] } },
      snapshot: snapshot && {
        text: snapshot.text,
        origin: 'url',
        capturedAt: today.toISOString(),
        finalUrl: captured.value.finalUrl,
        httpDate: captured.value.httpDate,
        mediaType: snapshot.mediaType,
      },
    });
  } catch (error) {
    return fail(`the page at ${new URL(captured.value.finalUrl).host} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readCaptured({ finalUrl, contentType, bytes }: Captured): Promise<Result<NewSource, string>> | Result<NewSource, string> {
  const name = nameOf(finalUrl);
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf' || isPdf(bytes)) return extractPdf(name, bytes);
  if (type === 'text/plain' || type === 'text/markdown') {
    const text = decodeText(name, bytes);
    if (!text.ok) return text;
    return type === 'text/markdown' ? extractMarkdown(name, text.value) : extractPlainText(name, text.value);
  }
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml' && !looksLikeHtml(bytes)) {
    return fail(`${new URL(finalUrl).host} sent ${type}, which is not a web page, PDF or text`);
  }
  const page = extractWebPage(decodeHtml(bytes, charsetOf(contentType)), { mediaType: type || 'text/html' });
  if (!page.ok) return fail(page.error.replace(/^the page/, `the page at ${new URL(finalUrl).host}`));
  return page;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 1024)));
}

/** The last part of the address's path, as a file name in messages ("port-deal.pdf"). */
function nameOf(url: string): string {
  const parsed = new URL(url);
  return decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '') || parsed.host;
}
