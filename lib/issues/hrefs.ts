/**
 * Back-office addresses the issue desk links to (readiness "fix" links, notices). One place, so the
 * pages can move without hunting for strings.
 */
export const adminHref = {
  issues: () => '/admin/issues',
  issue: (issueId: string) => `/admin/issues/${issueId}`,
  issueDetails: (issueId: string) => `/admin/issues/${issueId}#details`,
  issueSection: (issueId: string, sectionId: string) => `/admin/issues/${issueId}#section-${sectionId}`,
  item: (itemId: string) => `/admin/items/${itemId}`,
  meeting: (meetingId: string) => `/admin/meetings/${meetingId}`,
  publication: (publicationId: string) => `/admin/publications/${publicationId}`,
  settings: () => '/admin/settings',
};

/** The public address of a preview share link (robots.txt keeps crawlers out of /preview). */
export const previewPath = (token: string) => `/preview/${token}`;
