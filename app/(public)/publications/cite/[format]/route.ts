import { CITATION_TYPES, formatCitations } from '@/lib/citation/citations';
import { applyPublicationFilter, parsePublicationFilter } from '@/lib/catalogue/publication-filter';
import { listCataloguePublications } from '@/lib/content/public-publications';
import { isCitationFormat } from '@/lib/reader-paths';
import { answeringOutage } from '@/lib/outage/route-handler';

export const dynamic = 'force-dynamic';

/**
 * The citations of the catalogue as /publications shows it: the same filters and order, from the
 * same query string (/publications/cite/bibtex?kind=manual).
 */
export const GET = answeringOutage(async function GET(
  request: Request,
  { params }: { params: Promise<{ format: string }> },
) {
  const { format } = await params;
  if (!isCitationFormat(format)) {
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const filter = parsePublicationFilter(Object.fromEntries(new URL(request.url).searchParams));
  const publications = applyPublicationFilter(await listCataloguePublications(), filter);
  const { contentType, extension } = CITATION_TYPES[format];
  return new Response(formatCitations(publications, format), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="publications.${extension}"`,
    },
  });
});
