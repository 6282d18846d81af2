'use client';

import { useRouter } from 'next/navigation';
import { withQuery } from './search-params';

/**
 * A list's filters: a plain GET form (works without JavaScript, and the result is a URL that can be
 * bookmarked), which with JavaScript navigates client-side and leaves empty fields out of the URL.
 * Give it a `key` of the current query so its fields show the filters of the page being shown.
 */
export function FilterForm({
  action,
  label,
  inline,
  children,
}: {
  action: string;
  label: string;
  inline?: boolean;
  children: React.ReactNode;
}) {
  const router = useRouter();
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className={inline ? 'filters filters--inline' : 'filters'}
      onSubmit={(event) => {
        event.preventDefault();
        const values: Record<string, string> = {};
        for (const [key, value] of new FormData(event.currentTarget))
          if (typeof value === 'string' && value.trim()) values[key] = value.trim();
        router.push(withQuery(action, values));
      }}
    >
      {children}
    </form>
  );
}
