import Link from 'next/link';

/** The page numbers shown around the current one: first, last, and two on either side. */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const out: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== 'gap') out.push('gap');
  }
  return out;
}

/** Previous, numbered and next page links; the filters stay in every link (hrefFor builds them). */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = 'Pages',
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      <ul>
        <li>
          {page > 1 ? (
            <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev">
              Previous page
            </Link>
          ) : (
            <span className="pager__off">Previous page</span>
          )}
        </li>
        {pageWindow(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link href={hrefFor(n)} aria-current={n === page ? 'page' : undefined} aria-label={`Page ${n}`}>
                {n}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} rel="next">
              Next page
            </Link>
          ) : (
            <span className="pager__off">Next page</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
