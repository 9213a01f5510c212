/**
 * Browser mode as `npm run web` starts it, with the durable writer's test seam armed: while
 * the file named by COPYDESK_TEST_DISK_FULL exists, every write into the workspace's
 * articles/ fails as a full disk does (ENOSPC). Tests only: the seam cannot be reached from
 * the app, and this entry is never built into it.
 */
import { existsSync } from 'node:fs';
import { writeFaultsForTests } from '../../src/core/storage/write-durably';

const flag = process.env.COPYDESK_TEST_DISK_FULL;
if (!flag) throw new Error('faulty-web needs COPYDESK_TEST_DISK_FULL, the file whose presence means the disk is full');
writeFaultsForTests.inject = (step, file) =>
  step === 'write' && existsSync(flag) && /[\\/]articles[\\/]/.test(file) ? Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }) : null;

// The browser-mode command itself, unchanged.
void import('../../src/web/cli');
