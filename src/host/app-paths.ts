/**
 * Where the app's own files are when it runs from this repository (browser mode, CLI,
 * tests): the built renderer and the sample workspace.
 */
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE_WORKSPACE = path.join(PROJECT_ROOT, 'resources', 'sample-workspace');
export const RENDERER_BUILD = path.join(PROJECT_ROOT, 'out', 'renderer');
