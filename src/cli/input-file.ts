/**
 * A file the user named on the command line, read for an import: a missing file, a
 * folder or one over the limit is a usage error (exit 2), said before anything is sent.
 */
import { readFile, stat } from 'node:fs/promises';
import { importFileTooLarge, MAX_IMPORT_FILE_BYTES } from '../shared/limits';
import { usageError } from './session';
import { terminalText as t } from './terminal-text';

/** Largest file an import or a source may come from (the API refuses more). */
export const MAX_INPUT_BYTES = MAX_IMPORT_FILE_BYTES;

export async function readInputFile(file: string, what: string): Promise<Buffer> {
  const info = await stat(file).catch(() => null);
  if (!info) throw usageError(`${t(file)} does not exist.`);
  if (!info.isFile()) throw usageError(`${t(file)} is not a file.`);
  if (info.size > MAX_INPUT_BYTES) throw usageError(`${importFileTooLarge(t(file), info.size)} (${what})`);
  return readFile(file);
}
