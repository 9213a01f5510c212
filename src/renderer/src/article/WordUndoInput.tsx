/** A one-line header field whose undo goes by word runs (use-word-undo). */
import type { InputHTMLAttributes } from 'react';
import { useWordUndo } from './use-word-undo';

type WordUndoInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValue: (value: string) => void;
};

export function WordUndoInput({ value, onValue, onKeyDown, ...rest }: WordUndoInputProps) {
  const undo = useWordUndo(value, onValue);
  return (
    <input
      {...rest}
      value={value}
      onChange={(e) => undo.change(e.target.value)}
      onKeyDown={(e) => {
        undo.keyDown(e);
        onKeyDown?.(e);
      }}
    />
  );
}
