/**
 * `npm run web [-- --workspace DIR --port N]`: Copydesk in the browser, on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHost } from '../core/api/api-host';
import { RENDERER_BUILD, SAMPLE_WORKSPACE } from '../host/app-paths';
import { openOrCreateWorkspace } from '../core/workspace/open-workspace';
import { Workspace } from '../core/workspace/workspace';
import { ApiError } from '../shared/errors';
import { startWebServer } from './server';

const USAGE = `Usage: npm run web -- [--workspace DIR] [--port N]

  --workspace DIR   the workspace folder (default ./copydesk-workspace; created and
                    seeded with sample articles when it does not exist)
  --port N          the port on 127.0.0.1 (default: a free one)
  --no-seed         create an empty workspace instead of the sample one
  --read-only       open it to read only (a workspace another computer has open on a
                    shared drive): no lock taken, nothing written`;

function fail(message: string): never {
  process.stderr.write(`copydesk web: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        workspace: { type: 'string' },
        port: { type: 'string' },
        'no-seed': { type: 'boolean' },
        'read-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  if (!existsSync(path.join(RENDERER_BUILD, 'index.html'))) {
    fail('the renderer is not built yet. Run `npm run build` first (`npm run web` does both).');
  }
  const root = path.resolve(values.workspace ?? 'copydesk-workspace');
  // The port first: a port in use must not leave a workspace seeded and locked behind.
  let server;
  try {
    server = await startWebServer({ rendererDir: RENDERER_BUILD, port });
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port, or leave it out for a free one.` : String(error));
  }
  let opened;
  try {
    opened = values['read-only']
      ? { workspace: await Workspace.open(root, { readOnly: true }), seeded: false }
      : await openOrCreateWorkspace(root, values['no-seed'] ? null : SAMPLE_WORKSPACE);
  } catch (error) {
    await server.close();
    fail(error instanceof ApiError ? error.message : `cannot open ${root}: ${(error as Error).message}`);
  }
  const { workspace, seeded } = opened;
  const host = createApiHost(workspace);
  server.attach(host);
  const rebuilt = workspace.indexRebuiltBecause;
  process.stdout.write(
    [
      `Copydesk is running in browser mode.`,
      `  Workspace: ${root}${seeded ? ' (new, seeded with sample articles)' : ''}${values['read-only'] ? ' (read-only)' : ''}`,
      ...(rebuilt ? [`  The index was rebuilt from the article files (${rebuilt}).`] : []),
      ...(workspace.watchingProblem ? [`  Note: ${workspace.watchingProblem}; reload the page to see them.`] : []),
      `  Open: ${server.url}`,
      `  Stop: Ctrl+C`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    host.dispose();
    await workspace.close();
    process.exit(0);
  };
  const onSignal = () =>
    stop().catch((error: unknown) => {
      process.stderr.write(`copydesk web: stopping failed: ${String(error)}\n`);
      process.exit(1);
    });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => fail(String(error)));
