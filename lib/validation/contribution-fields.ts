/**
 * The contribution form's kinds, labels and size limits, without zod: the public form imports these
 * directly so that zod (about 30 kB gzipped) is not in the page's first load; the schema itself
 * (./contribution.ts) is loaded when the reader starts filling in the form. Browser-safe.
 */
export const CONTRIBUTION_KINDS = ['NEWS', 'MEETING', 'PUBLICATION', 'NETWORKING', 'COMMENTARY'] as const;
export type ContributionKindValue = (typeof CONTRIBUTION_KINDS)[number];

export const contributionKindLabels: Record<ContributionKindValue, string> = {
  NEWS: 'News (incidents, trends, policies, figures)',
  MEETING: 'A meeting or conference',
  PUBLICATION: 'A publication (report, study, manual)',
  NETWORKING: 'A Networking entry (who you are and what you work on)',
  COMMENTARY: 'Commentary',
};

export const contributionKindShort: Record<ContributionKindValue, string> = {
  NEWS: 'News',
  MEETING: 'Meeting',
  PUBLICATION: 'Publication',
  NETWORKING: 'Networking',
  COMMENTARY: 'Commentary',
};

export const LIMITS = {
  name: 200,
  email: 254,
  organisation: 300,
  subject: 300,
  message: 20_000,
  link: 2048,
  place: 120,
  issuingBody: 300,
} as const;

/** The labels of the form's fields, in its order (for the error summary). */
export const contributionFieldLabels: Record<string, string> = {
  name: 'Your name',
  email: 'Your e-mail address',
  organisation: 'Organisation',
  kind: 'What you are sending',
  subject: 'Subject',
  message: 'Your message',
  link: 'A link',
  meetingStart: 'Meeting starts',
  meetingEnd: 'Meeting ends',
  meetingCity: 'City',
  meetingCountry: 'Country',
  issuingBody: 'Issued by',
  availability: 'Availability',
  anonymous: 'Do not name me',
  consent: 'Consent',
};
