/** A chosen file as the API takes it: which kind of import it is, and its bytes as base64. */

import { MAX_IMPORT_FILE_BYTES } from '../../../shared/limits';

/** Largest file the host imports (the contract's limit). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;

export const DOCUMENT_EXTENSIONS = ['.html', '.htm', '.txt', '.md', '.docx', '.pdf'] as const;
export const REFERENCE_EXTENSIONS = ['.json', '.bib'] as const;

/** `document` for a page or document to read, `references` for a CSL-JSON or BibTeX file. */
export function importKind(fileName: string): 'document' | 'references' | null {
  const name = fileName.toLowerCase();
  if (REFERENCE_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'references';
  if (DOCUMENT_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'document';
  return null;
}

/** Bytes as base64, in slices (a call with millions of arguments would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
