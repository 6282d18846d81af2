import type { ItemState } from '@/generated/prisma/enums';

/**
 * The editorial workflow of an item: its states, the transitions between them, and who may fire each.
 * This table is the only place these rules are written; lib/authz/policy.ts reads it and
 * lib/workflow/transition.ts (the service) applies it.
 *
 *   draft --submit--> in review --approve--> approved --issue published--> published
 *                in review --request changes--> changes requested --resubmit--> in review
 *                in review --withdraw (its author, while it waits)--> draft
 *   published --unpublish--> approved            any non-published --archive--> archived
 */

export const TRANSITION_NAMES = [
  'submit',
  'withdraw',
  'requestChanges',
  'approve',
  'publish',
  'unpublish',
  'archive',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** Who may fire a transition: the item's author (while a contributor owns it) and/or editorial roles. */
export type Firer = 'author' | 'editor';

export type Transition = {
  name: TransitionName;
  from: readonly ItemState[];
  to: ItemState;
  by: readonly Firer[];
  /** The button's words. */
  label: string;
  /** A note is required (and shown to the author). */
  requiresNote?: boolean;
  /** Fired only by publishing a bulletin issue, never on its own. */
  viaIssue?: boolean;
};

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: {
    name: 'submit',
    from: ['DRAFT', 'CHANGES_REQUESTED'],
    to: 'IN_REVIEW',
    by: ['author', 'editor'],
    label: 'Submit for review',
  },
  // The author takes a submission back while it waits for review (to fix something before anyone reads it).
  withdraw: {
    name: 'withdraw',
    from: ['IN_REVIEW'],
    to: 'DRAFT',
    by: ['author'],
    label: 'Withdraw from review',
  },
  requestChanges: {
    name: 'requestChanges',
    from: ['IN_REVIEW'],
    to: 'CHANGES_REQUESTED',
    by: ['editor'],
    label: 'Request changes',
    requiresNote: true,
  },
  approve: { name: 'approve', from: ['IN_REVIEW'], to: 'APPROVED', by: ['editor'], label: 'Approve' },
  publish: { name: 'publish', from: ['APPROVED'], to: 'PUBLISHED', by: ['editor'], label: 'Publish', viaIssue: true },
  unpublish: { name: 'unpublish', from: ['PUBLISHED'], to: 'APPROVED', by: ['editor'], label: 'Unpublish' },
  archive: {
    name: 'archive',
    from: ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'],
    to: 'ARCHIVED',
    by: ['editor'],
    label: 'Archive',
  },
};

export const ITEM_STATES: readonly ItemState[] = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'PUBLISHED',
  'ARCHIVED',
];

/** States in which a contributor may still change their own item. */
export const AUTHOR_EDITABLE_STATES: readonly ItemState[] = ['DRAFT', 'CHANGES_REQUESTED'];

export const itemStateLabel: Record<ItemState, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/** Transitions that leave `state`, in display order. */
export function transitionsFrom(state: ItemState): Transition[] {
  return Object.values(TRANSITIONS).filter((t) => t.from.includes(state));
}
