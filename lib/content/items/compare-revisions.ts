import 'server-only';
import type { Actor } from '@/lib/authz/policy';
import { diffSnapshots, type FieldChange } from './diff-snapshots';
import { loadRevision, readableItem, type RevisionSummary } from './list-revisions';

export type RevisionComparison = { from: RevisionSummary; to: RevisionSummary; changes: FieldChange[] };

/**
 * What changed between two revisions of an item (any two, either order): word-level for title,
 * standfirst and text, field by field for the rest.
 */
export async function compareRevisions(
  actor: Actor,
  itemId: string,
  fromNumber: number,
  toNumber: number,
): Promise<RevisionComparison> {
  await readableItem(actor, itemId);
  const [from, to] = await Promise.all([loadRevision(itemId, fromNumber), loadRevision(itemId, toNumber)]);
  const { snapshot: a, ...fromSummary } = from;
  const { snapshot: b, ...toSummary } = to;
  return { from: fromSummary, to: toSummary, changes: diffSnapshots(a, b) };
}
