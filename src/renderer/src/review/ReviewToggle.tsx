/** The formatting bar's Review toggle: the review panel instead of the sources (Ctrl/Cmd+Shift+R). */
import { useReview } from './ReviewContext';
import './ReviewToggle.css';

export function ReviewToggle() {
  const { mode, setMode } = useReview();
  return (
    <button
      type="button"
      className="review-toggle"
      aria-pressed={mode}
      aria-controls={mode ? 'review-panel' : undefined}
      title={mode ? 'Leave review mode: back to the sources (Ctrl+Shift+R)' : 'Review quotes and figures against the sources (Ctrl+Shift+R)'}
      onClick={() => setMode(!mode)}
    >
      Review
    </button>
  );
}
