import { decideTransition, type Actor, type ItemRef } from '@/lib/authz/policy';
import { TRANSITIONS } from '@/lib/workflow/states';
import type { TransitionButton } from './dto';

/** The workflow buttons this person may press on this item now (transitions fired by an issue excluded). */
export function transitionButtonsFor(actor: Actor, item: ItemRef): TransitionButton[] {
  return Object.values(TRANSITIONS)
    .filter((t) => !t.viaIssue && decideTransition(actor, t.name, item) === 'allowed')
    .map((t) => ({ name: t.name, label: t.label, requiresNote: !!t.requiresNote }));
}
