import type { Metadata } from 'next';
import Link from 'next/link';
import { ItemKind, type ItemState, TagKind } from '@/generated/prisma/enums';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listItems } from '@/lib/content/items/list-items';
import { listItemFilterOptions } from '@/lib/content/items/list-item-filter-options';
import { issueLabel, itemKindLabel, tagKindLabel } from '@/lib/format/labels';
import { itemStateLabel, ITEM_STATES } from '@/lib/workflow/states';
import { FilterForm } from '@/components/admin/lists/filter-form';
import { FilterSearch, FilterSelect } from '@/components/admin/lists/list-field';
import { ItemTable } from '@/components/admin/lists/item-table';
import { NewItemLinks } from '@/components/admin/lists/new-item-links';
import { Pagination } from '@/components/admin/lists/pagination';
import { plural } from '@/components/admin/lists/format';
import {
  hasItemFilters,
  itemListHref,
  parseItemListQuery,
  type SearchParams,
} from '@/components/admin/lists/search-params';
import '@/components/admin/lists/desk-lists.css';

export const metadata: Metadata = { title: 'Items' };

const PAGE_SIZE = 25;

/**
 * Every item the person may see (editors: all; contributors: their own, decided by listItems), with
 * filters and a full-text search held in the URL, 25 to a page.
 */
export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const editorial = can(actor, 'item.listAll');
  const raw = parseItemListQuery(await searchParams);
  // Contributors have no author filter: they see their own items only, whatever the URL says.
  const query = editorial ? raw : { ...raw, author: undefined };
  const [list, options] = await Promise.all([
    listItems(actor, {
      kind: query.kind,
      state: query.state,
      authorId: query.author,
      issueId: query.issue,
      tagId: query.tag,
      q: query.q,
      page: query.page,
      pageSize: PAGE_SIZE,
    }),
    listItemFilterOptions(actor),
  ]);
  const filtered = hasItemFilters(query);
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.items.length - 1;
  const order = 'most recently changed first';

  return (
    <>
      <h1>Items</h1>
      <p className="bo-lede">
        {editorial
          ? 'Every article, meeting report and publication review on the desk.'
          : 'Your articles, meeting reports and publication reviews.'}
      </p>
      <NewItemLinks />

      <FilterForm key={itemListHref({ ...query, page: 1 })} action="/admin/items" label="Filter items">
        <div className="filters__fields">
          <FilterSearch
            label="Search"
            value={query.q}
            hint="Words anywhere in the item: title, text, sources, tags, meeting or publication. “Phrases”, OR, -word."
          />
          <FilterSelect name="kind" label="Kind" value={query.kind?.toLowerCase()}>
            <option value="">Any kind</option>
            {Object.values(ItemKind).map((k) => (
              <option key={k} value={k.toLowerCase()}>
                {itemKindLabel[k]}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="state" label="State" value={query.state?.toLowerCase()}>
            <option value="">Any state</option>
            {ITEM_STATES.map((s: ItemState) => (
              <option key={s} value={s.toLowerCase()}>
                {itemStateLabel[s]}
              </option>
            ))}
          </FilterSelect>
          {editorial && (
            <FilterSelect name="author" label="Author" value={query.author}>
              <option value="">Anyone</option>
              {options.authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.id === actor.id ? `${a.name} (you)` : a.name}
                </option>
              ))}
            </FilterSelect>
          )}
          <FilterSelect name="issue" label="Bulletin issue" value={query.issue}>
            <option value="">Any, or none</option>
            <option value="none">Not placed in an issue</option>
            {options.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {issueLabel(i.number)} – {i.coverLabel}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="tag" label="Tag" value={query.tag}>
            <option value="">Any tag</option>
            {Object.values(TagKind).map((kind) => {
              const tags = options.tags.filter((t) => t.kind === kind);
              return tags.length === 0 ? null : (
                <optgroup key={kind} label={tagKindLabel[kind]}>
                  {tags.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </FilterSelect>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          {filtered && (
            <Link href="/admin/items" className="button button--quiet">
              Clear filters
            </Link>
          )}
        </div>
      </FilterForm>

      <p role="status" className="list-status">
        {list.total === 0
          ? filtered
            ? 'No items match these filters.'
            : 'No items yet.'
          : `${plural(list.total, 'item')}${filtered ? (list.total === 1 ? ' matches these filters' : ' match these filters') : ''}.`}
        {list.searchLimited &&
          ' The words match many items: only the best matches are listed; add words to narrow them.'}
      </p>

      {list.items.length > 0 ? (
        <ItemTable
          items={list.items}
          showAuthor={editorial}
          caption={
            <>
              {filtered ? 'Items matching the filters' : editorial ? 'All items' : 'Your items'}: {first}–{last} of{' '}
              {list.total}, {order}
              {list.pageCount > 1 && `; page ${list.page} of ${list.pageCount}`}
            </>
          }
        />
      ) : list.total > 0 ? (
        <div className="empty-state">
          <p>
            There is no page {list.page}: the list has {plural(list.pageCount, 'page')}.
          </p>
          <p>
            <Link href={itemListHref({ ...query, page: list.pageCount })}>Go to the last page</Link>
          </p>
        </div>
      ) : (
        <div className="empty-state">
          {filtered ? (
            <p>
              Try fewer filters or other words, or <Link href="/admin/items">see every item</Link>.
            </p>
          ) : editorial ? (
            <p>Nobody has written anything yet. Start an item with the buttons above.</p>
          ) : (
            <p>
              You have not written anything yet. Start an article, a meeting report or a publication review with the
              buttons above.
            </p>
          )}
        </div>
      )}

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => itemListHref({ ...query, page })}
        label="Pages of items"
      />
    </>
  );
}
