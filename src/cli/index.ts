#!/usr/bin/env node
/**
 * `copydesk`: the workspace from a terminal, through the same API host and validation as
 * the app. Exit codes: 0 ok, 1 the command ran and found a problem, 2 bad usage, a missing
 * file or an unknown article.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkArticle } from './commands/check';
import { exportArticles, importBundle } from './commands/export';
import { listArticles } from './commands/list';
import { importArticle } from './commands/import';
import { addSource, exportSources, listSources } from './commands/source';
import { articleHistory, syncWorkspace } from './commands/team';
import { listTags, renameTag, searchArticles } from './commands/search';
import { CommandError, EXIT, usageError, withWorkspace } from './session';
import { terminalText } from './terminal-text';

const USAGE = `Usage: copydesk <command> [options]

Commands:
  list                          every article (status, last change, words, file) and every
                                file that cannot be read
  import <file>                 a new article from a .md, .txt, .html or .docx file; prints
                                its id last
  check <ARTICLE>               every quote and figure of an article against its sources'
                                snapshots; exit 0 when each is backed or verified, 1 if not
      --report FILE             also write the review report (.md or .html)
  export <ARTICLE…> --out DIR   publish-ready bundles (index.html, article.md, ninjs.json,
                                sources.json, review.md, manifest.json), one folder each
      --zip                     also a .zip of each bundle
      --status approved         every article with that status, instead of naming them
      --at ISO-TIME             the export time (the same time gives identical bundles)
      --override "reason"       export past the gate, the reason recorded in the manifest
  import-bundle <zip|folder>    a bundle back in as a new draft with its sources
  source add <file|URL>         a source from a document or saved page (.html, .txt, .md,
                                .docx, .pdf), a reference file (CSL-JSON .json, BibTeX .bib)
                                or a web address; prints the source id last
      --title T                 the title to use instead of the one found
      --attach ARTICLE          attach it to an article (its id or file name)
      --allow-duplicate         add it even when the library has the same page or text
  search "<query>"              the articles matching the words (by prefix, with a typo),
                                "quoted phrases" and filters (tag:x status:draft section:x
                                byline:x lang:x), best first, with a snippet; exit 1 if none
      --limit N                 show at most N (default 20)
  tags [list]                   every tag with how many articles carry it
  tags rename FROM TO           rename a tag on every article (merged when TO exists);
                                exit 1 if an article could not be changed
  source list                   every source: date, snapshot, id, title, site
  source export --format csl|bibtex [--article ARTICLE]
                                the library, or one article's sources, to stdout
  sync                          team sync: commit what changed, fetch, merge article by
                                article, push (the workspace must be shared: a git
                                repository with a remote); exit 1 with the reason if not
  history <ARTICLE>             the commits that changed an article: when, who, what

Options:
  --workspace DIR   the workspace folder (default ./copydesk-workspace)
  --json            print JSON instead of text (list, check, search, tags, source list,
                    source add, import, sync, history)
  -h, --help        this text

The commands work beside a running Copydesk on the same workspace: they read, or write
only article and source files (never the app's index), and the app picks them up.`;

async function run(argv: string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        json: { type: 'boolean' },
        title: { type: 'string' },
        attach: { type: 'string' },
        'allow-duplicate': { type: 'boolean' },
        format: { type: 'string' },
        report: { type: 'string' },
        out: { type: 'string' },
        zip: { type: 'boolean' },
        at: { type: 'string' },
        override: { type: 'string' },
        status: { type: 'string' },
        article: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    throw usageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, sub, target] = positionals;
  if (values.help || !command) return USAGE;
  const root = path.resolve(values.workspace ?? 'copydesk-workspace');
  const json = values.json ?? false;
  switch (command) {
    case 'list':
      return withWorkspace(root, 'read', (session) => listArticles(session, json));
    case 'import':
      if (!sub) throw usageError(`import needs a file: copydesk import <file.md|.txt|.html|.docx>\n\n${USAGE}`);
      return withWorkspace(root, 'write', (session) => importArticle(session, sub, json));
    case 'check':
      if (!sub) throw usageError(`check needs an article: copydesk check <id or file name>\n\n${USAGE}`);
      return withWorkspace(root, 'read', (session) => checkArticle(session, sub, { json, report: values.report }));
    case 'export':
      return withWorkspace(root, 'write', (session) =>
        exportArticles(session, positionals.slice(1), { out: values.out, zip: values.zip ?? false, at: values.at, override: values.override, status: values.status, json }),
      );
    case 'import-bundle':
      if (!sub) throw usageError(`import-bundle needs a .zip or a bundle folder.\n\n${USAGE}`);
      return withWorkspace(root, 'write', (session) => importBundle(session, sub, json));
    case 'search': {
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw usageError(`--limit must be a whole number from 1 to 1000, not "${terminalText(values.limit ?? '')}".`);
      if (positionals.length > 2) throw usageError(`search takes one query; put several words in quotes: copydesk search "${terminalText(positionals.slice(1).join(' '))}"`);
      return withWorkspace(root, 'read', (session) => searchArticles(session, sub ?? '', { json, limit }));
    }
    case 'tags':
      if (!sub || sub === 'list') return withWorkspace(root, 'read', (session) => listTags(session, json));
      if (sub === 'rename') {
        const to = positionals[3];
        if (!target || !to) throw usageError(`tags rename needs the tag and its new name: copydesk tags rename FROM TO\n\n${USAGE}`);
        return withWorkspace(root, 'write', (session) => renameTag(session, target, to, json));
      }
      throw usageError(`there is no command "tags ${terminalText(sub)}" (list or rename).\n\n${USAGE}`);
    case 'source':
      if (sub === 'list') return withWorkspace(root, 'read', (session) => listSources(session, json));
      if (sub === 'export') return withWorkspace(root, 'read', (session) => exportSources(session, values.format, values.article));
      if (sub === 'add') {
        if (!target) throw usageError(`source add needs a file or a web address.\n\n${USAGE}`);
        return withWorkspace(root, 'write', (session) =>
          addSource(session, target, { title: values.title, attach: values.attach, allowDuplicate: values['allow-duplicate'] ?? false, json }),
        );
      }
      throw usageError(`there is no command "source ${terminalText(sub ?? '')}" (add, list or export).\n\n${USAGE}`);
    case 'sync':
      return withWorkspace(root, 'write', (session) => syncWorkspace(session, json));
    case 'history':
      if (!sub) throw usageError(`history needs an article: copydesk history <id or file name>\n\n${USAGE}`);
      return withWorkspace(root, 'read', (session) => articleHistory(session, sub, json));
    default:
      throw usageError(`there is no command "${terminalText(command)}".\n\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (output) => {
    if (output) process.stdout.write(`${output}\n`);
  },
  (error: unknown) => {
    const known = error instanceof CommandError;
    if (known && error.isOutput) process.stdout.write(`${error.message}\n`);
    else process.stderr.write(`copydesk: ${known ? error.message : terminalText(String(error))}\n`);
    process.exitCode = known ? error.exitCode : EXIT.problem;
  },
);
