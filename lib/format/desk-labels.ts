import type { RevisionKind } from '@/generated/prisma/enums';

/** Words for audit events and revision kinds on the item pages. */
export const eventLabel: Record<string, string> = {
  'item.create': 'Created',
  'item.submit': 'Submitted for review',
  'item.withdraw': 'Withdrawn from review',
  'item.requestChanges': 'Requested changes',
  'item.approve': 'Approved',
  'item.publish': 'Published',
  'item.unpublish': 'Unpublished',
  'item.archive': 'Archived',
};

/** "Edith Marlowe approved it" style: what happened to the item, in the past tense. */
export const eventPhrase: Record<string, string> = {
  'item.submit': 'submitted it for review',
  'item.withdraw': 'withdrew it from review',
  'item.requestChanges': 'requested changes',
  'item.approve': 'approved it',
  'item.publish': 'published it',
  'item.unpublish': 'unpublished it',
  'item.archive': 'archived it',
};

export const revisionKindLabel: Record<RevisionKind, string> = {
  SAVE: 'Saved',
  AUTOSAVE: 'Autosaved',
  RESTORE: 'Restored',
  CONFLICT: 'Refused save, kept',
  IMPORT: 'Imported from a past bulletin',
};
