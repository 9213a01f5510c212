/**
 * The layer rules are enforced by the linter. This test is their table: for every layer,
 * every import it may not make is written as a probe file and must be refused by
 * `.oxlintrc.json`, and the imports it may make must pass. The probes live in a temp
 * folder that mirrors `src/`, with a copy of the config, and one oxlint process lints them
 * all.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const OXLINT = path.join(ROOT, 'node_modules', '.bin', 'oxlint');
const run = promisify(execFile);

const LAYERS = ['shared', 'document', 'core', 'host', 'main', 'preload', 'renderer', 'web', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** true: every import of the kind must pass; false: every one must be refused; absent: not ruled on. */
interface Row {
  node: boolean;
  electron: boolean | 'renderer-modules';
  ui: boolean;
  lexical?: boolean;
  storage?: boolean;
  layers: Layer[];
}

// What each layer may import (docs/architecture.md). Layers not listed under `layers` are refused.
const TABLE: Record<Layer, Row> = {
  shared: { node: false, electron: false, ui: false, lexical: false, storage: false, layers: [] },
  document: { node: false, electron: false, ui: false, lexical: true, storage: false, layers: ['shared'] },
  core: { node: true, electron: false, ui: false, lexical: true, storage: true, layers: ['shared', 'document'] },
  host: { node: true, electron: false, ui: false, lexical: false, storage: false, layers: ['shared'] },
  main: { node: true, electron: true, ui: false, layers: ['shared', 'document', 'core', 'host'] },
  preload: { node: false, electron: 'renderer-modules', ui: false, lexical: false, storage: false, layers: ['shared'] },
  renderer: { node: false, electron: false, ui: true, lexical: true, storage: false, layers: ['shared', 'document'] },
  web: { node: true, electron: false, ui: false, layers: ['shared', 'document', 'core', 'host'] },
  cli: { node: true, electron: false, ui: false, layers: ['shared', 'document', 'core', 'host'] },
};

// Every Node builtin, by `node:` name and by bare name, subpaths included (fs/promises, path/posix ...).
const NODE = builtinModules.flatMap((name) => [`node:${name}`, name]);
const ELECTRON_RENDERER = ['electron', 'electron/renderer', 'electron/common'];
const ELECTRON_MAIN = ['electron/main', 'electron/utility', '@electron/remote'];
const UI = ['react', 'react/jsx-runtime', 'react-dom', 'react-dom/client', '@lexical/react', '@lexical/react/LexicalComposer'];
const LEXICAL = ['lexical', '@lexical/rich-text', '@lexical/headless', '@lexical/utils'];
const STORAGE = ['lowdb', 'lowdb/node', 'steno'];

interface Probe {
  layer: Layer;
  /** Path of the probe file below src/<layer>/. */
  at: string;
  source: string;
  refused: boolean;
}

/** Each statement form a module can be pulled in by; none may slip past the rules. */
const FORMS = {
  import: (s) => `import * as probe from '${s}';\nexport { probe };\n`,
  'export from': (s) => `export * from '${s}';\n`,
  'import type': (s) => `import type * as probe from '${s}';\nexport type { probe };\n`,
  'dynamic import': (s) => `export const probe = import('${s}');\n`,
  require: (s) => `export const probe: unknown = require('${s}');\n`,
} satisfies Record<string, (specifier: string) => string>;

function imports(layer: Layer, specifiers: string[], refused: boolean): Probe[] {
  return specifiers.map((specifier) => ({ layer, at: 'probe.ts', source: FORMS.import(specifier), refused }));
}

/** A file of another layer, reached the ways a relative import can reach it. */
function layerImports(layer: Layer, target: Layer, refused: boolean): Probe[] {
  return [
    { layer, at: 'probe.ts', source: FORMS.import(`../${target}/module`), refused },
    { layer, at: 'probe.ts', source: FORMS.import(`../${target}`), refused },
    { layer, at: 'nested/deeper/probe.ts', source: FORMS.import(`../../../${target}/feature/module`), refused },
    { layer, at: 'nested/probe.ts', source: FORMS.import(`../../${layer}/../${target}/module`), refused },
  ];
}

function probesFor(layer: Layer): Probe[] {
  const row = TABLE[layer];
  const probes: Probe[] = [
    ...imports(layer, NODE, !row.node),
    ...imports(layer, ELECTRON_RENDERER, row.electron === false),
    ...imports(layer, ELECTRON_MAIN, row.electron !== true),
    ...imports(layer, UI, !row.ui),
    ...(row.lexical === undefined ? [] : imports(layer, LEXICAL, !row.lexical)),
    ...(row.storage === undefined ? [] : imports(layer, STORAGE, !row.storage)),
  ];
  for (const target of LAYERS) {
    if (target === layer) continue;
    probes.push(...layerImports(layer, target, !row.layers.includes(target)));
    // A module of the layer's own that happens to share another layer's name is not a crossing.
    probes.push({ layer, at: 'probe.ts', source: FORMS.import(`./${target}`), refused: false });
  }
  // Forbidden modules stay forbidden whatever the statement that pulls them in.
  const forbidden = !row.node ? 'node:fs' : row.electron !== true ? 'electron/main' : `../${LAYERS.find((l) => l !== layer && !row.layers.includes(l))}/module`;
  for (const [form, write] of Object.entries(FORMS)) {
    probes.push({ layer, at: `forms/${form.replace(' ', '-')}.ts`, source: write(forbidden), refused: true });
  }
  probes.push({ layer, at: 'probe.ts', source: FORMS.import('./sibling'), refused: false });
  return probes;
}

const PROBES = LAYERS.flatMap(probesFor).map((probe, index) => {
  const dir = path.posix.dirname(probe.at);
  const file = `src/${probe.layer}/${dir === '.' ? '' : `${dir}/`}p${index}-${path.posix.basename(probe.at)}`;
  return { ...probe, file, name: `${probe.layer} ${probe.refused ? 'refuses' : 'allows'} ${probe.source.split('\n')[0]} (${file})` };
});

const REFUSING_RULES = new Set(['eslint(no-restricted-imports)', 'typescript(no-require-imports)']);

interface Diagnostic {
  code: string;
  filename: string;
  message: string;
}

let temp = '';
const refusals = new Map<string, string[]>();
let lintedFiles = 0;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'copydesk-layers-'));
  await copyFile(path.join(ROOT, '.oxlintrc.json'), path.join(temp, '.oxlintrc.json'));
  for (const probe of PROBES) {
    await mkdir(path.dirname(path.join(temp, probe.file)), { recursive: true });
    await writeFile(path.join(temp, probe.file), probe.source);
  }
  let stdout: string;
  try {
    ({ stdout } = await run(OXLINT, ['-c', '.oxlintrc.json', '-f', 'json', 'src'], { cwd: temp, maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    // oxlint exits 1 when it finds errors; the report is still on stdout.
    stdout = String((error as { stdout?: string }).stdout ?? '');
    if (!stdout.trim().startsWith('{')) throw error;
  }
  const report = JSON.parse(stdout) as { diagnostics: Diagnostic[]; number_of_files: number };
  lintedFiles = report.number_of_files;
  for (const diagnostic of report.diagnostics) {
    if (!REFUSING_RULES.has(diagnostic.code)) continue;
    const file = diagnostic.filename.split(path.sep).join('/');
    refusals.set(file, [...(refusals.get(file) ?? []), diagnostic.message]);
  }
}, 60_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('layer rules', () => {
  it('cover every layer folder in src', async () => {
    const folders = (await readdir(path.join(ROOT, 'src'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...LAYERS].sort());
  });

  it('lint every probe in one run', () => {
    expect(lintedFiles).toBe(PROBES.length);
  });

  for (const probe of PROBES) {
    it(probe.name, () => {
      const found = refusals.get(probe.file) ?? [];
      if (probe.refused) expect(found, 'the import passed the linter').not.toEqual([]);
      else expect(found).toEqual([]);
    });
  }
});
