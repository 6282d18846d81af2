import type { Metadata } from 'next';
import { requireActor } from '@/lib/auth/current-actor';
import { getItemForEdit } from '@/lib/content/items/get-item-for-edit';
import { listComments } from '@/lib/content/comments/list-comments';
import { listItemEvents } from '@/lib/audit/list-item-events';
import { listTags } from '@/lib/content/tags/list-tags';
import { ItemEditor } from '@/components/admin/items/item-editor';
import { ItemActivity } from '@/components/admin/items/item-activity';
import type { CommentDto } from '@/lib/content/items/dto';
import { orNotFound } from '@/lib/or-not-found';
import { editorItem, readOnlyReason } from './load-item';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Item' };

/**
 * One item on the desk: the form (or its read-only view, saying why), the workflow buttons the person
 * may press, review comments and the audit trail. Every read goes through lib/ with the policy: an
 * item the person may not see is a 404, like one that does not exist.
 */
export default async function ItemPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const item = await orNotFound(getItemForEdit(actor, id));
  const [comments, events, tagOptions] = await Promise.all([
    listComments(actor, id),
    listItemEvents(actor, id),
    listTags(actor),
  ]);
  const commentDtos: CommentDto[] = comments.map((c) => ({
    id: c.id,
    body: c.body,
    quote: c.quote,
    author: { name: c.author.name },
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    resolvedBy: c.resolvedBy ? { name: c.resolvedBy.name } : null,
  }));
  return (
    <ItemEditor
      kind={item.kind}
      item={editorItem(item)}
      tagOptions={tagOptions}
      comments={commentDtos}
      activity={<ItemActivity events={events} />}
      readOnlyReason={readOnlyReason(item)}
    />
  );
}
