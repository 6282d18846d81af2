import type { Availability, ItemKind, PublicationKind, Role, TagKind, UserStatus } from '@/generated/prisma/enums';

export const itemKindLabel: Record<ItemKind, string> = {
  ARTICLE: 'Article',
  MEETING_REPORT: 'Meeting report',
  PUBLICATION_REVIEW: 'Publication review',
};

export const publicationKindLabel: Record<PublicationKind, string> = {
  RESEARCH_REPORT: 'Research report',
  MANUAL: 'Manual',
  ASSESSMENT: 'Assessment',
  COUNTRY_REPORT: 'Country report',
  JOURNAL: 'Journal',
  OTHER: 'Publication',
};

export const availabilityLabel: Record<Availability, string> = {
  PUBLISHED: 'Available',
  FORTHCOMING: 'To be released',
};

export const roleLabel: Record<Role, string> = {
  CONTRIBUTOR: 'Contributor',
  EDITOR: 'Editor',
  ADMIN: 'Administrator',
};

export const userStatusLabel: Record<UserStatus, string> = {
  INVITED: 'Invited',
  ACTIVE: 'Active',
  DEACTIVATED: 'Deactivated',
};

export const tagKindLabel: Record<TagKind, string> = {
  COUNTRY: 'Country',
  REGION: 'Region',
  THEME: 'Theme',
};

/** "N° 25" */
export function issueLabel(number: number): string {
  return `N° ${number}`;
}
