/**
 * Who a process is beyond its pid, which the system hands out again: the boot it runs in
 * and the moment it started. Linux tells both through /proc; elsewhere they are unknown
 * (null) and a process is known by its pid alone.
 */
import { readFileSync } from 'node:fs';

let bootId: string | null | undefined;

/** This boot of the machine; it changes with every restart. */
export function currentBootId(): string | null {
  if (bootId === undefined) bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;
  return bootId;
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); null when unknown or gone. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2, the command name, is in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 1).trim().split(' ');
  const start = fields[22 - 3];
  return start && /^\d+$/.test(start) ? start : null;
}

/** The name a process runs under ("node", "copydesk", "firefox"), for messages; null when unknown. */
export function processName(pid: number): string | null {
  return readProc(`/proc/${pid}/comm`)?.trim() || null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(file: string): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
