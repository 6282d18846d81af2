import 'server-only';
import type { ItemForEdit } from '@/lib/content/items/get-item-for-edit';
import type { ItemEditorItem } from '@/lib/content/items/dto';
import { meetingKind } from '@/lib/records/meeting';
import { publicationKind } from '@/lib/records/publication';
import { recordOption } from '@/lib/records/record-kind';

/** Why the form is read-only for this person, in words; null when they may edit. */
export function readOnlyReason(item: Pick<ItemForEdit, 'state' | 'permissions'>): string | null {
  if (item.permissions.edit) return null;
  switch (item.state) {
    case 'ARCHIVED':
      return 'This item is archived: it can no longer be changed.';
    case 'IN_REVIEW':
      return 'You submitted this item for review, so it is read-only for you while the editors review it. If they request changes, you can edit it again.';
    case 'APPROVED':
      return 'This item is approved: only editors can change it now.';
    case 'PUBLISHED':
      return 'This item is published: only editors can correct it.';
    default:
      return 'You cannot change this item.';
  }
}

/** The editor's DTO: only what the form shows, nothing else of the row. */
export function editorItem(item: ItemForEdit): ItemEditorItem {
  return {
    id: item.id,
    kind: item.kind,
    state: item.state,
    version: item.version,
    fields: item.fields,
    author: { name: item.author.name },
    issue: item.issue ? { number: item.issue.number, coverLabel: item.issue.coverLabel } : null,
    section: item.section ? { title: item.section.title } : null,
    permissions: {
      edit: item.permissions.edit,
      comment: item.permissions.comment,
      resolveComments: item.permissions.resolveComments,
      transitions: item.permissions.transitions,
    },
    changeRequest: item.changeRequest
      ? {
          note: item.changeRequest.note,
          by: item.changeRequest.by ? { name: item.changeRequest.by.name } : null,
          at: item.changeRequest.at,
          commentId: item.changeRequest.commentId,
        }
      : null,
    lastSaved: item.lastSaved ? { by: { name: item.lastSaved.by.name }, at: item.lastSaved.at } : null,
    publishedAt: item.publishedAt,
    meetingDetail: item.meeting ? recordOption(meetingKind, item.meeting).detail : null,
    publicationDetail: item.publication ? recordOption(publicationKind, item.publication).detail : null,
  };
}
