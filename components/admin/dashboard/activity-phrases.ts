/**
 * How the dashboard words an audit event: "{subject}" is where the item or issue goes.
 * Unknown actions still read as a sentence ("changed …"), so a new event never breaks the page.
 */
const PHRASES: Record<string, string> = {
  'item.create': 'started {subject}',
  'item.submit': 'submitted {subject} for review',
  'item.withdraw': 'withdrew {subject} from review',
  'item.requestChanges': 'asked for changes to {subject}',
  'item.approve': 'approved {subject}',
  'item.publish': 'published {subject}',
  'item.unpublish': 'unpublished {subject}',
  'item.archive': 'archived {subject}',
  'item.restoreRevision': 'restored an earlier version of {subject}',
  'item.place': 'placed {subject} in a bulletin issue',
  'item.moveSection': 'moved {subject} to another section',
  'item.move': 'moved {subject} within its section',
  'item.removeFromIssue': 'took {subject} out of its bulletin issue',
  'issue.create': 'created {subject}',
  'issue.update': 'changed the details of {subject}',
  'issue.startProduction': 'started production of {subject}',
  'issue.publish': 'published {subject}',
  'issue.unpublish': 'withdrew {subject}',
  'issue.schedule': 'scheduled the publication of {subject}',
  'issue.cancelSchedule': 'cancelled the scheduled publication of {subject}',
  'issue.scheduleFailed': 'could not publish {subject} as scheduled',
  'issue.addSection': 'added a section to {subject}',
  'issue.removeSection': 'removed a section from {subject}',
  'issue.renameSection': 'renamed a section of {subject}',
  'issue.setSectionKind': 'changed what a section of {subject} accepts',
  'issue.moveSection': 'rearranged the sections of {subject}',
  'issue.reorderSections': 'rearranged the sections of {subject}',
  'issue.reorderItems': 'reordered the items of {subject}',
  'previewLink.create': 'shared a preview of {subject}',
  'previewLink.revoke': 'revoked a preview link of {subject}',
  'edition.test': 'sent themselves a test of the e-mail edition of {subject}',
};

/** The words before and after the subject. */
export function activityPhrase(action: string): [before: string, after: string] {
  const phrase = PHRASES[action] ?? 'changed {subject}';
  const [before = '', after = ''] = phrase.split('{subject}');
  return [before, after];
}
