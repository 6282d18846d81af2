import type { ItemKind, ItemState } from '@/generated/prisma/enums';
import type { TransitionName } from '@/lib/workflow/states';
import type { ItemSnapshot } from './snapshot';

/**
 * What the item pages hand their client components: small DTOs, cut by the server page from the
 * lib/ reads (app/admin/items/[id]/load-item.ts), never whole rows. Types only, so both sides may
 * import them: the page builds them, the components (components/admin/items/) show them.
 */

/** A workflow button the person may press now. */
export type TransitionButton = { name: TransitionName; label: string; requiresNote: boolean };

/** The item form's item (null on the "new item" page). */
export type ItemEditorItem = {
  id: string;
  kind: ItemKind;
  state: ItemState;
  version: number;
  fields: ItemSnapshot;
  author: { name: string };
  issue: { number: number; coverLabel: string } | null;
  section: { title: string } | null;
  permissions: { edit: boolean; comment: boolean; resolveComments: boolean; transitions: TransitionButton[] };
  changeRequest: { note: string; by: { name: string } | null; at: Date; commentId: string | null } | null;
  lastSaved: { by: { name: string }; at: Date } | null;
  publishedAt: Date | null;
  meetingDetail: string | null;
  publicationDetail: string | null;
};

/** A review comment as the comments panel shows it. */
export type CommentDto = {
  id: string;
  body: string;
  quote: string | null;
  author: { name: string };
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: { name: string } | null;
};
