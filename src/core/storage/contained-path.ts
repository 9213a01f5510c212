/**
 * Every id or slug that becomes a path goes through here: the result must stay inside
 * the folder it is meant for.
 */
import path from 'node:path';
import { ApiError } from '../../shared/errors';

export function containedPath(folder: string, name: string): string {
  const resolved = path.resolve(folder, name);
  const relative = path.relative(folder, resolved);
  if (
    name === '' ||
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative) ||
    relative.includes(path.sep) ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('\0')
  ) {
    throw new ApiError('invalid-request', `"${name}" is not a file name inside ${path.basename(folder)}/.`);
  }
  return resolved;
}
