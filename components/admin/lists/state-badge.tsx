import type { ItemState } from '@/generated/prisma/enums';
import { itemStateLabel } from '@/lib/workflow/states';

/** An item's workflow state as a badge; the words carry the meaning, the colour only repeats it. */
export function StateBadge({ state }: { state: ItemState }) {
  return (
    <span className={`state-badge state-badge--${state.toLowerCase().replace('_', '-')}`}>{itemStateLabel[state]}</span>
  );
}
