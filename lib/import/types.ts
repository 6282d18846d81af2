import type { Availability, DatePrecision, ItemKind, PublicationKind, TagKind } from '@/generated/prisma/enums';
import type { RichTextDoc } from '@/lib/rich-text/document';

/**
 * What the importer proposes for one bulletin: the shape `npm run import:bulletin -- FILE --json` prints
 * and the review screen edits. Fields the text does not give are left out, never guessed; `flags`
 * explain what Quire is unsure of, each with the path of the field it concerns.
 */

export type IsoDate = string;

export type ProposedMeeting = {
  name?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
  datePrecision?: DatePrecision;
  city?: string;
  country?: string;
  organisers?: string;
};

export type ProposedPublication = {
  title?: string;
  authors?: string;
  issuingBody?: string;
  year?: number;
  date?: IsoDate;
  datePrecision?: DatePrecision;
  kind?: PublicationKind;
  availability?: Availability;
};

export type ProposedTag = { kind: TagKind; name: string };

export type ProposedItem = {
  kind: ItemKind;
  title?: string;
  standfirst?: string;
  body: RichTextDoc;
  meeting?: ProposedMeeting;
  publication?: ProposedPublication;
  tags?: ProposedTag[];
  /** Standing text (Information Exchange) rather than news: repeated in every issue. */
  standing?: boolean;
};

export type ProposedSection = {
  title: string;
  /** The heading as printed, when it differs from the title ("NEW IOM PUBLICATIONS"). */
  heading?: string;
  /** From the section template when the heading matched one of its sections. */
  acceptsKind?: ItemKind | null;
  /** True when the heading matched a section of the template. */
  fromTemplate?: boolean;
  items: ProposedItem[];
};

/** The bulletin's standing matter, offered as an update of the publication settings. */
export type ProposedStanding = {
  title?: string;
  subtitle?: string;
  publisher?: string;
  postalAddress?: string;
  contactEmail?: string;
  contactPhone?: string;
  webAddress?: string;
  disclaimer?: string;
  reproductionNotice?: string;
};

export type ImportFlag = { path: string; message: string };

export type Proposal = {
  issue: { number?: number; coverLabel?: string; coverDate?: IsoDate };
  sections: ProposedSection[];
  standing?: ProposedStanding;
  flags: ImportFlag[];
};
