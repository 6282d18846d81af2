'use client';

import type { ComponentProps, Dispatch, RefObject } from 'react';
import type { ItemKind } from '@/generated/prisma/enums';
import { searchMeetingsAction, searchPublicationsAction } from '@/app/admin/items/new/record-actions';
import { RichTextEditor } from '@/components/editor/rich-text-editor';
import type { CommentHighlight } from '@/components/editor/comment-highlights';
import type { TagOption } from '@/lib/content/tags/list-tags';
import { FieldError, TextField, TextAreaField } from '@/components/ui/fields';
import type { Draft, DraftAction } from './item-draft';
import type { FormValues } from './item-form-values';
import { NewMeetingForm, NewPublicationForm } from './record-forms';
import { RecordPicker } from './record-picker';
import { SourcesField } from './sources-field';
import { TagsField } from './tags-field';
import type { ItemFieldErrors } from './use-item-field-errors';

/**
 * ProseMirror hands out attribute objects without a prototype; the schema (zod) refuses those in the
 * browser. A JSON round trip gives the plain document the server will receive anyway.
 */
const plainJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The record an item of each kind is about, and how the form finds or creates one. */
const LINKED_RECORD: Partial<Record<ItemKind, LinkedRecordKind>> = {
  MEETING_REPORT: {
    field: 'meeting',
    errorKey: 'meetingId',
    search: searchMeetingsAction,
    NewRecordForm: NewMeetingForm,
  },
  PUBLICATION_REVIEW: {
    field: 'publication',
    errorKey: 'publicationId',
    search: searchPublicationsAction,
    NewRecordForm: NewPublicationForm,
  },
};
type LinkedRecordKind = {
  field: 'meeting' | 'publication';
  errorKey: string;
  search: ComponentProps<typeof RecordPicker>['search'];
  NewRecordForm: typeof NewMeetingForm;
};

/** The item form's fields, in order: title, slug, standfirst, text, the meeting or publication, sources, tags. */
export function ItemFormFields({
  kind,
  draft,
  dispatch,
  errors,
  tagOptions,
  readOnly,
  inputsReadOnly,
  bodyRef,
  highlights,
}: {
  kind: ItemKind;
  draft: Draft;
  dispatch: Dispatch<DraftAction>;
  errors: Pick<ItemFieldErrors, 'errorsFor' | 'touch'>;
  tagOptions: TagOption[];
  readOnly: boolean;
  /** Also read-only until the page is hydrated: typing before would not reach the form's state. */
  inputsReadOnly: boolean;
  bodyRef: RefObject<HTMLDivElement | null>;
  /** Passages of the text that open review comments quote. */
  highlights?: CommentHighlight[];
}) {
  const { values, slugFollows } = draft;
  const { errorsFor, touch } = errors;
  const change = (patch: Partial<FormValues>) => dispatch({ type: 'edit', patch });
  const link = LINKED_RECORD[kind];
  return (
    <>
      <TextField
        id="item-title"
        label="Title"
        className="field--wide"
        value={values.title}
        readOnly={inputsReadOnly}
        errors={errorsFor('title')}
        onBlur={() => touch('title')}
        onChange={(e) => change({ title: e.target.value })}
        autoComplete="off"
      />
      <div className="slug-row">
        <TextField
          id="item-slug"
          label="Slug"
          hint={
            slugFollows
              ? 'The last part of the item’s web address; made from the title until you change it.'
              : 'The last part of the item’s web address; unique within its bulletin issue.'
          }
          value={values.slug}
          readOnly={inputsReadOnly}
          errors={errorsFor('slug')}
          onBlur={() => touch('slug')}
          onChange={(e) => dispatch({ type: 'editSlug', slug: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        {!readOnly && !slugFollows && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => dispatch({ type: 'slugFromTitle' })}
          >
            Make from title
          </button>
        )}
      </div>
      <TextAreaField
        wide
        id="item-standfirst"
        label="Standfirst"
        hint="One or two sentences under the title."
        rows={2}
        value={values.standfirst}
        readOnly={inputsReadOnly}
        errors={errorsFor('standfirst')}
        onBlur={() => touch('standfirst')}
        onChange={(e) => change({ standfirst: e.target.value })}
      />

      <div
        className={`field field--wide field--body${errorsFor('body') ? ' field--invalid' : ''}`}
        ref={bodyRef}
        onBlur={() => touch('body')}
      >
        <span className="label" id="item-body-label">
          Text
        </span>
        <RichTextEditor
          key={draft.editorKey}
          initialContent={values.body}
          onChange={(doc) => change({ body: plainJson(doc) })}
          label="Text"
          labelledBy="item-body-label"
          errorId={errorsFor('body') ? 'item-body-error' : undefined}
          readOnly={readOnly}
          highlights={highlights}
        />
        <FieldError id="item-body-error" errors={errorsFor('body')} />
      </div>

      {link && (
        <RecordPicker
          id={`item-${link.field}`}
          noun={link.field}
          selected={values[link.field]}
          selectedDetail={draft.details[link.field]}
          onSelect={(option) => dispatch({ type: 'link', field: link.field, option })}
          search={link.search}
          renderCreate={(done, cancel) => <link.NewRecordForm onCreated={done} onCancel={cancel} />}
          errors={errorsFor(link.errorKey)}
          readOnly={readOnly}
        />
      )}

      <div onBlur={() => touch('sources')}>
        <SourcesField
          rows={values.sources}
          onChange={(sources) => change({ sources })}
          errorsFor={errorsFor}
          readOnly={readOnly}
          inputsReadOnly={inputsReadOnly}
        />
      </div>
      <div onBlur={() => touch('tags')}>
        <TagsField
          tags={values.tags}
          options={tagOptions}
          onChange={(tags) => change({ tags })}
          errorsFor={errorsFor}
          readOnly={readOnly}
        />
      </div>
    </>
  );
}
