import type { Prisma } from '@/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { issueLabel } from '@/lib/format/labels';
import { siteUrl } from '@/lib/site-url';
import { absoluteUrl, itemPath } from '@/lib/site-url';

/**
 * What the e-mail edition says, as plain data: the HTML and the text part are both made from this
 * (lib/editions/render-edition.ts), so they cannot drift apart.
 */
export type EditionContent = {
  siteUrl: string;
  subscribeUrl: string;
  issue: { number: number; label: string; coverLabel: string; url: string };
  masthead: { title: string; subtitle: string; publisher: string; issn: string };
  sections: { title: string; items: { title: string; standfirst: string; url: string }[] }[];
  disclaimer: string;
  reproductionNotice: string;
  /** Where queries and contributions go (the bulletin's Information Exchange address). */
  contact: { publisher: string; postalAddress: string; phone: string; email: string; web: string };
};

type Client = Db | Prisma.TransactionClient;

/**
 * Reads an issue's edition: `published` takes the items a reader sees (inside the publishing
 * transaction they are published already); `placed` takes every item placed in the issue, for the
 * editors' preview and test before publishing. Sections without items are left out. Two queries.
 */
export async function loadEditionContent(
  db: Client,
  issueId: string,
  scope: 'published' | 'placed',
): Promise<EditionContent | null> {
  const [issue, settings] = await Promise.all([
    db.issue.findUnique({
      where: { id: issueId },
      select: {
        number: true,
        coverLabel: true,
        sections: {
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
          select: {
            title: true,
            items: {
              where: scope === 'published' ? { state: 'PUBLISHED' } : {},
              orderBy: [{ position: 'asc' }, { id: 'asc' }],
              select: { title: true, standfirst: true, slug: true },
            },
          },
        },
      },
    }),
    db.publicationSettings.findUnique({ where: { id: 1 } }),
  ]);
  if (!issue) return null;
  const base = siteUrl();
  return {
    siteUrl: base,
    subscribeUrl: absoluteUrl(base, '/subscribe'),
    issue: {
      number: issue.number,
      label: issueLabel(issue.number),
      coverLabel: issue.coverLabel,
      url: absoluteUrl(base, `/issues/${issue.number}`),
    },
    masthead: {
      title: settings?.title || 'Quire',
      subtitle: settings?.subtitle ?? '',
      publisher: settings?.publisher ?? '',
      issn: settings?.issn ?? '',
    },
    sections: issue.sections
      .filter((s) => s.items.length > 0)
      .map((s) => ({
        title: s.title,
        items: s.items.map((i) => ({
          title: i.title,
          standfirst: i.standfirst,
          url: absoluteUrl(base, itemPath(issue.number, i.slug)),
        })),
      })),
    disclaimer: settings?.disclaimer ?? '',
    reproductionNotice: settings?.reproductionNotice ?? '',
    contact: {
      publisher: settings?.publisher ?? '',
      postalAddress: settings?.postalAddress ?? '',
      phone: settings?.contactPhone ?? '',
      email: settings?.contactEmail ?? '',
      web: settings?.webAddress ?? '',
    },
  };
}
