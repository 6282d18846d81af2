import Link from 'next/link';

/** The three ways to start an item; the item form (/admin/items/new) takes the kind from the URL. */
export function NewItemLinks() {
  return (
    <ul className="new-item-links" aria-label="Start a new item">
      <li>
        <Link className="button" href="/admin/items/new?kind=article">
          New article
        </Link>
      </li>
      <li>
        <Link className="button button--quiet" href="/admin/items/new?kind=meeting_report">
          New meeting report
        </Link>
      </li>
      <li>
        <Link className="button button--quiet" href="/admin/items/new?kind=publication_review">
          New publication review
        </Link>
      </li>
    </ul>
  );
}
