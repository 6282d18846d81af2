import { CITATION_TYPES, formatCitations } from '@/lib/citation/citations';
import { getCataloguePublication } from '@/lib/content/public-publications';
import { isCitationFormat } from '@/lib/reader-paths';
import { answeringOutage } from '@/lib/outage/route-handler';

export const dynamic = 'force-dynamic';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One publication's citation as a file (bibtex, ris or csl-json); 404 for anything readers may not see. */
export const GET = answeringOutage(async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
) {
  const { id, format } = await params;
  const publication = isCitationFormat(format) && ID.test(id) ? await getCataloguePublication(id) : null;
  if (!publication || !isCitationFormat(format)) {
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { contentType, extension } = CITATION_TYPES[format];
  return new Response(formatCitations([publication], format), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="publication-${publication.id}.${extension}"`,
    },
  });
});
