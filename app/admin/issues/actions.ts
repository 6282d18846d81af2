'use server';

import { action } from '@/lib/actions/action';
import { ConflictError } from '@/lib/errors';
import { formatInZoneAndUtc, formatUtcCompact } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { addSection } from '@/lib/issues/add-section';
import { cancelSchedule } from '@/lib/issues/cancel-schedule';
import { createIssue } from '@/lib/issues/create-issue';
import { createPreviewLink } from '@/lib/issues/create-preview-link';
import { adminHref } from '@/lib/issues/hrefs';
import { moveItem } from '@/lib/issues/move-item';
import { moveSection } from '@/lib/issues/move-section';
import { placeItem } from '@/lib/issues/place-item';
import { publishIssue } from '@/lib/issues/publish-issue';
import { removeItemFromIssue } from '@/lib/issues/remove-item-from-issue';
import { removeSection } from '@/lib/issues/remove-section';
import { renameSection } from '@/lib/issues/rename-section';
import { reorderItems } from '@/lib/issues/reorder-items';
import { revokePreviewLink } from '@/lib/issues/revoke-preview-link';
import { scheduleIssueAtWallTime } from '@/lib/issues/schedule-issue';
import { getSettings } from '@/lib/content/published';
import { setSectionKind } from '@/lib/issues/set-section-kind';
import { unpublishIssue } from '@/lib/issues/unpublish-issue';
import { updateIssue } from '@/lib/issues/update-issue';
import {
  addSectionActionSchema,
  createPreviewLinkActionSchema,
  issueFieldsSchema,
  issueIdSchema,
  itemIdSchema,
  linkIdSchema,
  moveItemActionSchema,
  moveSectionActionSchema,
  moveToSectionActionSchema,
  placeItemActionSchema,
  publishActionSchema,
  renameSectionActionSchema,
  reorderItemsActionSchema,
  scheduleActionSchema,
  sectionIdSchema,
  setSectionKindActionSchema,
  updateIssueActionSchema,
} from '@/lib/validation/issue-actions';

// Thin: each action parses the transport shape, then a lib/issues function checks the policy, the
// content and the issue's lock. The wrapper turns their refusals into form state and refreshes the
// page on success; public pages read per request, so they change on the next request.

export const createIssueAction = action(
  issueFieldsSchema,
  async (input, { actor }) => {
    const created = await createIssue(actor, {
      number: input.number ?? '',
      coverLabel: input.coverLabel,
      coverDate: input.coverDate,
    });
    return { issueId: created.issueId, message: `${issueLabel(created.number)} is planned.` };
  },
  { redirectTo: (r) => adminHref.issue(r.issueId) },
);

export const updateIssueAction = action(updateIssueActionSchema, async ({ issueId, version, ...fields }, { actor }) => {
  const { changed } = await updateIssue(
    actor,
    issueId,
    { number: fields.number ?? '', coverLabel: fields.coverLabel, coverDate: fields.coverDate },
    { expectedVersion: version },
  );
  return { message: changed.length ? 'Saved.' : 'Nothing changed.' };
});

export const addSectionAction = action(addSectionActionSchema, async ({ issueId, title, acceptsKind }, { actor }) => {
  const { sectionId } = await addSection(actor, issueId, { title: title ?? '', acceptsKind });
  return { sectionId, message: `Section “${title?.trim()}” added at the end.` };
});

export const renameSectionAction = action(renameSectionActionSchema, async ({ sectionId, title }, { actor }) => {
  const { changed } = await renameSection(actor, sectionId, title);
  return { message: changed ? 'Section renamed.' : 'That is already its title.' };
});

export const setSectionKindAction = action(
  setSectionKindActionSchema,
  async ({ sectionId, acceptsKind }, { actor }) => {
    const { mismatchedItemIds } = await setSectionKind(actor, sectionId, acceptsKind);
    const n = mismatchedItemIds.length;
    return {
      mismatchedItemIds,
      message:
        n === 0
          ? 'Saved.'
          : `Saved. ${n === 1 ? 'One item here is' : `${n} items here are`} of another kind: move ${n === 1 ? 'it' : 'them'} before publishing.`,
    };
  },
);

export const removeSectionAction = action(sectionIdSchema, async ({ sectionId }, { actor }) => {
  await removeSection(actor, sectionId);
  return { message: 'Section removed.' };
});

export const moveSectionAction = action(moveSectionActionSchema, async ({ sectionId, direction }, { actor }) =>
  moveSection(actor, sectionId, direction),
);

export const moveItemAction = action(moveItemActionSchema, async ({ itemId, direction }, { actor }) =>
  moveItem(actor, itemId, direction),
);

export const reorderItemsAction = action(reorderItemsActionSchema, async ({ sectionId, ids }, { actor }) =>
  reorderItems(actor, sectionId, ids),
);

export const placeItemAction = action(placeItemActionSchema, async ({ itemId, sectionId }, { actor }) => {
  const placed = await placeItem(actor, itemId, sectionId);
  return { ...placed, message: placed.moved ? 'Placed.' : 'It is already in this section.' };
});

/** A drag into another section: placed there (at the end), then, if an order was given, put in it. */
export const moveToSectionAction = action(moveToSectionActionSchema, async ({ itemId, sectionId, ids }, { actor }) => {
  const placed = await placeItem(actor, itemId, sectionId);
  if (!ids) return { order: null as string[] | null };
  try {
    const { order } = await reorderItems(actor, sectionId, ids);
    return { order: order as string[] | null };
  } catch (e) {
    // Someone changed the section meanwhile: the item is in, at the end; the page shows the order now.
    if (e instanceof ConflictError)
      return {
        order: null as string[] | null,
        message: `Moved, at position ${placed.position + 1}: the section changed meanwhile.`,
      };
    throw e;
  }
});

export const removeItemFromIssueAction = action(itemIdSchema, async ({ itemId }, { actor }) => {
  const { removed } = await removeItemFromIssue(actor, itemId);
  return { message: removed ? 'Removed from the issue (the item itself is unchanged).' : 'It was not in the issue.' };
});

export const publishIssueAction = action(publishActionSchema, async ({ issueId, version, note }, { actor }) => {
  const published = await publishIssue(actor, issueId, { expectedVersion: version, note });
  const n = published.itemIds.length;
  return {
    message: `${issueLabel(published.number)} is published with ${n === 1 ? 'its item' : `its ${n} items`}: readers see it now.`,
  };
});

export const unpublishIssueAction = action(publishActionSchema, async ({ issueId, version, note }, { actor }) => {
  const { itemIds } = await unpublishIssue(actor, issueId, { expectedVersion: version, note });
  const n = itemIds.length;
  return {
    message: `Unpublished: the issue and ${n === 1 ? 'its item are' : `its ${n} items are`} no longer on the public site.`,
  };
});

export const scheduleIssueAction = action(scheduleActionSchema, async ({ issueId, at }, { actor }) => {
  // Typed in the publication's time zone (settings); shown back in it and in UTC.
  const zone = (await getSettings()).timeZone;
  const { scheduledAt } = await scheduleIssueAtWallTime(actor, issueId, at, zone);
  return {
    message: `Scheduled for ${zone === 'UTC' ? formatUtcCompact(scheduledAt) : formatInZoneAndUtc(scheduledAt, zone)}.`,
  };
});

export const cancelScheduleAction = action(issueIdSchema, async ({ issueId }, { actor }) => {
  const { cancelled } = await cancelSchedule(actor, issueId);
  return {
    message: cancelled
      ? 'Schedule cancelled: the issue will not be published automatically.'
      : 'Nothing was scheduled.',
  };
});

export const createPreviewLinkAction = action(createPreviewLinkActionSchema, async ({ issueId, days }, { actor }) => {
  const link = await createPreviewLink(actor, issueId, { days });
  // The token leaves the server this once; only its hash is stored.
  return {
    linkId: link.linkId,
    path: link.path,
    expiresAt: link.expiresAt.toISOString(),
    message: `Share link created, valid until ${formatUtcCompact(link.expiresAt)}.`,
  };
});

export const revokePreviewLinkAction = action(linkIdSchema, async ({ linkId }, { actor }) => {
  const { revoked } = await revokePreviewLink(actor, linkId);
  return { message: revoked ? 'Link revoked: it no longer opens the preview.' : 'That link was already revoked.' };
});
