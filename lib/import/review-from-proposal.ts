import type { ItemKind, TagKind } from '@/generated/prisma/enums';
import type { RichTextDoc } from '@/lib/rich-text/document';
import type { ImportMode, StandingField } from './review-schema';
import type { Proposal } from './types';

/**
 * The review screen's starting values from a proposal: every field filled from what the parser found
 * ('' where it found nothing), existing meetings and publications chosen where they match, and the
 * settings left alone. The command line commits the same values unchanged. Browser-safe.
 */

export type ReviewMeeting = {
  name: string;
  startDate: string;
  endDate: string;
  datePrecision: 'DAY' | 'MONTH' | 'YEAR';
  city: string;
  country: string;
  organisers: string;
  participants: string;
  url: string;
};
export type ReviewPublication = {
  title: string;
  authors: string;
  issuingBody: string;
  date: string;
  datePrecision: 'DAY' | 'MONTH' | 'YEAR';
  kind: 'RESEARCH_REPORT' | 'MANUAL' | 'ASSESSMENT' | 'COUNTRY_REPORT' | 'JOURNAL' | 'OTHER';
  availability: 'PUBLISHED' | 'FORTHCOMING';
  url: string;
  isbn: string;
};
export type ReviewItemState = {
  include: boolean;
  kind: ItemKind;
  title: string;
  standfirst: string;
  body: RichTextDoc;
  tags: { kind: TagKind; name: string }[];
  meetingId: string | null;
  meeting: ReviewMeeting | null;
  publicationId: string | null;
  publication: ReviewPublication | null;
};
export type ReviewState = {
  hash: string;
  fileName: string | null;
  mode: ImportMode;
  publishedOn: string;
  confirmDuplicate: boolean;
  issue: { number: string; coverLabel: string; coverDate: string };
  sections: { title: string; acceptsKind: ItemKind | null; items: ReviewItemState[] }[];
  standing: Partial<Record<StandingField, string>>;
  applyStanding: StandingField[];
};

type Matches = Record<
  string,
  { meeting?: { id: string }; publication?: { id: string }; existingTags?: { kind: TagKind; name: string }[] }
>;

export function emptyMeeting(): ReviewMeeting {
  return {
    name: '',
    startDate: '',
    endDate: '',
    datePrecision: 'DAY',
    city: '',
    country: '',
    organisers: '',
    participants: '',
    url: '',
  };
}
export function emptyPublication(): ReviewPublication {
  return {
    title: '',
    authors: '',
    issuingBody: '',
    date: '',
    datePrecision: 'DAY',
    kind: 'RESEARCH_REPORT',
    availability: 'PUBLISHED',
    url: '',
    isbn: '',
  };
}

export function reviewFromProposal(
  proposal: Proposal,
  context: { hash: string; fileName?: string | null; matches?: Matches },
): ReviewState {
  const matches = context.matches ?? {};
  return {
    hash: context.hash,
    fileName: context.fileName ?? null,
    mode: 'production',
    publishedOn: proposal.issue.coverDate ?? '',
    confirmDuplicate: false,
    issue: {
      number: proposal.issue.number === undefined ? '' : String(proposal.issue.number),
      coverLabel: proposal.issue.coverLabel ?? '',
      coverDate: proposal.issue.coverDate ?? '',
    },
    sections: proposal.sections.map((s, si) => ({
      title: s.title,
      acceptsKind: s.acceptsKind ?? null,
      items: s.items.map((item, ii) => {
        const match = matches[`${si}.${ii}`];
        const tags = new Map<string, { kind: TagKind; name: string }>();
        for (const t of [...(match?.existingTags ?? []), ...(item.tags ?? [])])
          if (!tags.has(`${t.kind}:${t.name.toLowerCase()}`)) tags.set(`${t.kind}:${t.name.toLowerCase()}`, t);
        const m = item.meeting;
        const p = item.publication;
        return {
          include: true,
          kind: item.kind,
          title: item.title ?? '',
          standfirst: item.standfirst ?? '',
          body: item.body,
          tags: [...tags.values()],
          meetingId: match?.meeting?.id ?? null,
          meeting:
            item.kind === 'MEETING_REPORT'
              ? {
                  ...emptyMeeting(),
                  name: m?.name ?? '',
                  startDate: m?.startDate ?? '',
                  endDate: m?.endDate ?? '',
                  datePrecision: m?.datePrecision ?? 'DAY',
                  city: m?.city ?? '',
                  country: m?.country ?? '',
                  organisers: m?.organisers ?? '',
                }
              : null,
          publicationId: match?.publication?.id ?? null,
          publication:
            item.kind === 'PUBLICATION_REVIEW'
              ? {
                  ...emptyPublication(),
                  title: p?.title ?? item.title ?? '',
                  authors: p?.authors ?? '',
                  issuingBody: p?.issuingBody ?? '',
                  date: p?.date ?? '',
                  datePrecision: p?.datePrecision ?? 'DAY',
                  kind: p?.kind ?? 'RESEARCH_REPORT',
                  availability: p?.availability ?? 'PUBLISHED',
                }
              : null,
        };
      }),
    })),
    standing: { ...(proposal.standing ?? {}) },
    applyStanding: [],
  };
}

/** What "Create issue" sends: the screen's values, with a chosen existing record replacing the fields. */
export function reviewPayload(state: ReviewState) {
  return {
    ...state,
    sections: state.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        ...i,
        meeting: i.meetingId ? null : i.meeting,
        publication: i.publicationId ? null : i.publication,
      })),
    })),
  };
}
