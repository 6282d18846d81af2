import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCataloguePublication } from '@/lib/content/public-publications';
import { getSettings } from '@/lib/content/published';
import { publicationCitationMeta } from '@/lib/citation/highwire';
import { formatDate, isoDate } from '@/lib/format/dates';
import { issueLabel } from '@/lib/format/labels';
import { publicationCitationPath, publicationPath } from '@/lib/reader-paths';
import { absoluteUrl, itemPath, siteUrl } from '@/lib/site-url';
import { PublicationFacts } from '@/components/public/item-facts';
import { publicAlternates } from '../../shared-metadata';

// Cached (docs/caching.md): rendered once, expired by lib/cache/invalidate.ts when what it shows
// changes; the 300 s revalidation is only a safety net.
export const revalidate = 300;

/** No page is rendered at build time (there is no database then); each is rendered on its first request, then cached. */
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

async function load(params: Props['params']) {
  const { id } = await params;
  return ID.test(id) ? getCataloguePublication(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const publication = await load(params);
  if (!publication) return {};
  const settings = await getSettings();
  const path = publicationPath(publication.id);
  return {
    title: publication.title,
    description: [publication.authors, publication.issuingBody].filter(Boolean).join(', ') || undefined,
    alternates: publicAlternates(settings.title, path),
    other: publicationCitationMeta({ ...publication, pageUrl: absoluteUrl(siteUrl(), path) }),
  };
}

/** One publication of the catalogue: what it is, its citation, and the bulletin's reviews of it. */
export default async function PublicationPage({ params }: Props) {
  const publication = await load(params);
  if (!publication) notFound();
  return (
    <article className="records publication-page" aria-labelledby="publication-title">
      <p className="kicker">
        <Link href="/publications">Publications</Link>
      </p>
      <h1 id="publication-title">{publication.title}</h1>
      <PublicationFacts publication={publication} />
      {publication.url && (
        <p className="record__line">
          <a href={publication.url} rel="noopener">
            Where to find it
          </a>
        </p>
      )}
      <section aria-labelledby="cite-heading" className="item-aside">
        <h2 id="cite-heading">Cite</h2>
        <ul className="record-actions">
          <li>
            <a href={publicationCitationPath(publication.id, 'bibtex')} download>
              BibTeX
            </a>
          </li>
          <li>
            <a href={publicationCitationPath(publication.id, 'ris')} download>
              RIS (Zotero, EndNote, Mendeley)
            </a>
          </li>
          <li>
            <a href={publicationCitationPath(publication.id, 'csl-json')} download>
              CSL-JSON
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="reviews-heading" className="item-aside">
        <h2 id="reviews-heading">Reviewed in the bulletin</h2>
        <ul className="record-list">
          {publication.items.map((r) => (
            <li key={r.id} className="record">
              <h3 className="record__title">
                <Link href={itemPath(r.section!.issue.number, r.slug)}>{r.title}</Link>
              </h3>
              <p className="record__line">
                {issueLabel(r.section!.issue.number)} – {r.section!.issue.coverLabel}
                {r.publishedAt && (
                  <>
                    {' · '}
                    <time dateTime={isoDate(r.publishedAt)}>{formatDate(r.publishedAt)}</time>
                  </>
                )}
              </p>
              {r.standfirst && <p>{r.standfirst}</p>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
