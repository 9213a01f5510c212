/**
 * The lines both builds of the `copydesk` command (scripts/build-cli.mjs and
 * scripts/build-cli-packaged.mjs) put before the bundle: the project's code finds its files
 * from __dirname and loads some packages with require, which an ES module does not have.
 */
export const CLI_BANNER = [
  "import { fileURLToPath as __cdFileURLToPath } from 'node:url';",
  "import { dirname as __cdDirname } from 'node:path';",
  "import { createRequire as __cdCreateRequire } from 'node:module';",
  'const __filename = __cdFileURLToPath(import.meta.url);',
  'const __dirname = __cdDirname(__filename);',
  'const require = __cdCreateRequire(import.meta.url);',
].join('\n');
