/**
 * Stands in for the `got` HTTP client inside Electronegativity, which otherwise tries to
 * fetch translations and Electron's release list from the web on every run. The scan runs
 * offline: every request fails at once, and Electronegativity falls back to its own files.
 */
function offline() {
  return Promise.reject(new Error('Copydesk runs Electronegativity offline'));
}
offline.head = offline;
offline.get = offline;
module.exports = offline;
module.exports.default = offline;
