/**
 * A figure's normalized form: its class and value, the way it was written folded away
 * ("99,000", "99 000" and "99.000" in German are all `count:99000`; "€1.5m" and "1.5
 * million euros" are `money:EUR:1500000`). Claim ids and matching both use it.
 */
import type { FigureValue } from './claim-types';
import { canonicalValue } from './numbers';

export function figureKey(figure: FigureValue): string {
  const value = canonicalValue(figure.value) + (figure.high !== undefined ? `-${canonicalValue(figure.high)}` : '');
  switch (figure.class) {
    case 'money':
      return `money:${figure.currency ?? ''}:${value}`;
    case 'date':
      return `date:${figure.year !== undefined ? `${figure.year}-` : ''}${String(figure.value).padStart(4, '0')}`;
    default:
      return `${figure.class}:${value}`;
  }
}
