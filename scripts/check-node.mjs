/**
 * `npm install`'s preinstall step: stops on a Node older than package.json's engines field
 * and says which version is needed. Written for old Nodes too (no newer syntax or APIs),
 * since those are the ones it has to talk to.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** [major, minor, patch] of "20.19.0", "v20.19", ">=20.19". */
function parts(version) {
  const found = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!found) return null;
  return [Number(found[1]), Number(found[2] || 0), Number(found[3] || 0)];
}

/**
 * A sentence saying what is wrong, or null when `current` satisfies `required`
 * (a ">=X.Y.Z" range, the form package.json uses).
 */
export function nodeProblem(required, current) {
  const need = parts(required);
  const have = parts(current);
  if (!need || !have) return null;
  for (let i = 0; i < 3; i++) {
    if (have[i] > need[i]) return null;
    if (have[i] < need[i]) {
      return `Copydesk needs Node.js ${required.replace(/^\s*>=\s*/, '')} or newer (package.json "engines": "${required}"); this is Node.js ${current.replace(/^v/, '')}. Install a current Node.js LTS from https://nodejs.org (or \`nvm install --lts\`), then run \`npm install\` again.`;
    }
  }
  return null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const problem = nodeProblem((manifest.engines && manifest.engines.node) || '', process.version);
  if (problem) {
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
}
