/**
 * Names of every API method and event. Kept apart from the schemas so the preload can
 * build `window.copydesk` without bundling them.
 */
export const API_METHODS = [
  'workspace.info',
  'workspace.settings',
  'workspace.updateSettings',
  'workspace.reveal',
  'workspace.windowState',
  'articles.list',
  'articles.get',
  'articles.create',
  'articles.import',
  'articles.save',
  'articles.setStatus',
  'articles.rename',
  'articles.duplicate',
  'articles.delete',
  'articles.keepVersion',
  'articles.inspectDamaged',
  'articles.versions',
  'articles.version',
  'articles.keepSettledVersion',
  'articles.restoreVersion',
  'sources.list',
  'sources.get',
  'sources.add',
  'sources.update',
  'sources.delete',
  'sources.inspectDamaged',
  'sources.importFile',
  'sources.importReferences',
  'sources.capture',
  'sources.export',
  'review.check',
  'review.decide',
  'review.report',
  'export.gate',
  'export.preview',
  'export.articles',
  'export.importBundle',
  'trash.list',
  'trash.restore',
  'assets.put',
  'assets.get',
  'trash.purge',
  'search.query',
  'search.status',
  'tags.list',
  'tags.rename',
  'articles.relate',
  'articles.unrelate',
  'articles.related',
  'related.suggest',
  'team.status',
  'team.start',
  'team.clone',
  'team.sync',
  'team.history',
  'team.presence',
] as const;

/** A method of the API, `<group>.<name>`. */
export type ApiMethod = (typeof API_METHODS)[number];

export const API_EVENTS = ['library.changed', 'sources.changed', 'export.progress', 'app.command', 'search.status'] as const;

/** An event the host pushes to the renderer. */
export type ApiEvent = (typeof API_EVENTS)[number];

/** The IPC channel of a method: one channel per method, never a generic pass-through. */
export function ipcChannel(method: ApiMethod): string {
  return `copydesk:${method}`;
}

/** The IPC channel an event arrives on. */
export function ipcEventChannel(event: ApiEvent): string {
  return `copydesk-event:${event}`;
}
