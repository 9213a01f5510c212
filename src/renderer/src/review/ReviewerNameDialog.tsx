/** Asks for the reviewer's name, once: decisions and status changes are recorded with it. */
import { NoteDialog } from './NoteDialog';
import { useReview } from './ReviewContext';

export function ReviewerNameDialog() {
  const { question } = useReview().reviewer;
  if (!question) return null;
  return (
    <NoteDialog
      title="Your name"
      message="Decisions and status changes are recorded with it. It is kept in this workspace; you can change it in the review panel."
      label="Name"
      placeholder="Ana Lima"
      initial={question.initial}
      singleLine
      required
      confirmLabel="Save"
      onConfirm={question.answer}
      onClose={question.cancel}
    />
  );
}
