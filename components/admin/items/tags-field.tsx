'use client';

import { useId, useState } from 'react';
import { TagKind } from '@/generated/prisma/enums';
import { tagKindLabel } from '@/lib/format/labels';
import { parseWith } from '@/lib/validation/field-errors';
import { tagInputSchema } from '@/lib/validation/item';
import { tagSlug } from '@/lib/validation/slug';
import { FieldError, describedBy } from '@/components/ui/fields';

type Tag = { kind: TagKind; name: string };

/** Country, region and theme tags: pick an existing one (the list offers them as you type) or add a new one. */
export function TagsField({
  tags,
  options,
  onChange,
  errorsFor,
  readOnly,
}: {
  tags: Tag[];
  options: Tag[];
  onChange: (tags: Tag[]) => void;
  errorsFor: (key: string) => string[] | undefined;
  readOnly: boolean;
}) {
  const [kind, setKind] = useState<TagKind>('COUNTRY');
  const [name, setName] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  const listId = useId();
  const fieldErrors = [...(errorsFor('tags') ?? []), ...tags.flatMap((_, i) => errorsFor(`tags.${i}.name`) ?? [])];

  const add = () => {
    const checked = parseWith(tagInputSchema, { kind, name });
    if (!checked.ok) {
      setError(checked.fieldErrors.name ?? checked.fieldErrors.kind ?? ['Enter a tag name.']);
      return;
    }
    const wanted = checked.data;
    // An existing tag keeps its own spelling ("indonesia" picks "Indonesia").
    const existing = options.find((o) => o.kind === wanted.kind && tagSlug(o.name) === tagSlug(wanted.name));
    const tag = existing ?? wanted;
    if (!tags.some((t) => t.kind === tag.kind && tagSlug(t.name) === tagSlug(tag.name))) onChange([...tags, tag]);
    setName('');
    setError(undefined);
  };

  return (
    <fieldset className="tags-field">
      <legend>Tags</legend>
      <FieldError id="item-tags-error" errors={fieldErrors.length ? fieldErrors : undefined} />
      {tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="chips" aria-label="Tags of this item">
          {tags.map((t) => (
            <li key={`${t.kind}:${t.name}`} className={`chip chip--${t.kind.toLowerCase()}`}>
              <span>
                <span className="chip__kind">{tagKindLabel[t.kind]}:</span> {t.name}
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove tag ${tagKindLabel[t.kind]}: ${t.name}`}
                  onClick={() => onChange(tags.filter((x) => x !== t))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="form-row tags-field__add">
          <div className="field field--narrow">
            <label htmlFor="item-tag-kind">Kind of tag</label>
            <select id="item-tag-kind" value={kind} onChange={(e) => setKind(e.target.value as TagKind)}>
              {Object.values(TagKind).map((k) => (
                <option key={k} value={k}>
                  {tagKindLabel[k]}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${error ? ' field--invalid' : ''}`}>
            <label htmlFor="item-tag-name">Tag name</label>
            <input
              id="item-tag-name"
              list={listId}
              value={name}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy('item-tag-name-hint', error && 'item-tag-name-error')}
              onChange={(e) => {
                setName(e.target.value);
                setError(undefined);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <p className="field__hint" id="item-tag-name-hint">
              Pick an existing {tagKindLabel[kind].toLowerCase()} from the list or type a new one.
            </p>
            <FieldError id="item-tag-name-error" errors={error} />
            <datalist id={listId}>
              {options
                .filter((o) => o.kind === kind)
                .map((o) => (
                  <option key={o.name} value={o.name} />
                ))}
            </datalist>
          </div>
          <button type="button" className="button button--small button--quiet tags-field__button" onClick={add}>
            Add tag
          </button>
        </div>
      )}
    </fieldset>
  );
}
