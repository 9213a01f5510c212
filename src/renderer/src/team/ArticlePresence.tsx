/** Who last changed an article and when, from the team's history; nothing in a workspace that is not shared. */
import { relativeTime } from '../format';
import { usePresence } from './team-store';

export function ArticlePresence({ slug }: { slug: string }) {
  const presence = usePresence(slug);
  if (!presence) return null;
  return (
    <span className="library__presence" title={`Last changed by ${presence.by}, ${new Date(presence.at).toLocaleString()}`}>
      {presence.by} · {relativeTime(presence.at)}
    </span>
  );
}
