/**
 * `copydesk`: the workspace from a terminal. `npm run copydesk -- <command>`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from '../core/workspace/workspace';
import { ApiError } from '../shared/errors';
import { terminalJson, terminalText } from './terminal-text';

const USAGE = `Usage: npm run copydesk -- <command> [options]

Commands:
  list        every article (status, last change, words, file) and every file that
              cannot be read; reads only, so it works while Copydesk has the workspace open

Options:
  --workspace DIR   the workspace folder (default ./copydesk-workspace)
  --json            print JSON instead of a table
  -h, --help        this text`;

function fail(message: string): never {
  process.stderr.write(`copydesk: ${message}\n`);
  process.exit(2);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

async function list(root: string, json: boolean): Promise<void> {
  const workspace = await Workspace.open(root, { readOnly: true });
  try {
    const { articles, damaged } = workspace.articles.list();
    if (json) {
      process.stdout.write(`${terminalJson({ workspace: workspace.layout.root, articles, damaged }, 2)}\n`);
      return;
    }
    // Everything from the workspace is shown through terminalText: its files are not ours.
    const t = terminalText;
    const lines = [`${articles.length} article${articles.length === 1 ? '' : 's'} in ${t(workspace.layout.root)}`, ''];
    for (const a of articles) {
      lines.push(`${pad(t(a.status), 10)} ${t(a.updatedAt.slice(0, 16).replace('T', ' '))}  ${pad(String(a.words), 6)} articles/${t(a.slug)}.json  ${t(a.headline) || '(untitled)'}`);
    }
    if (damaged.length) {
      lines.push('', `${damaged.length} file${damaged.length === 1 ? '' : 's'} cannot be read (left as they are):`);
      for (const d of damaged) lines.push(`  ${t(d.file)}: ${t(d.reason)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await workspace.close();
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { workspace: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const root = path.resolve(parsed.values.workspace ?? 'copydesk-workspace');
  if (command === 'list') return list(root, parsed.values.json ?? false);
  fail(`there is no command "${command}".\n\n${USAGE}`);
}

main().catch((error: unknown) => fail(error instanceof ApiError ? error.message : String(error)));
