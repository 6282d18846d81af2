'use client';

import { Fragment, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { commitImportAction, proposeImportAction } from '@/app/admin/issues/import/actions';
import { RichTextEditor } from '@/components/editor/rich-text-editor';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '@/components/ui/fields';
import type { RichTextDoc, RichTextMark, RichTextNode } from '@/lib/rich-text/document';
import { MAX_IMPORT_BYTES, TOO_LARGE } from '@/lib/import/limits';
import type { ProposeImportResult } from '@/lib/import/propose-import';
import {
  emptyMeeting,
  emptyPublication,
  reviewFromProposal,
  reviewPayload,
  type ReviewItemState,
  type ReviewState,
} from '@/lib/import/review-from-proposal';
import { STANDING_FIELDS, type StandingField } from '@/lib/import/review-schema';
import type { FieldErrors } from '@/lib/validation/field-errors';
import './import.css';

/**
 * The importer's two steps: upload or paste a bulletin; then review what Quire proposes, every field
 * editable, each one Quire is unsure of marked with why, and "Create issue". Field ids are the paths the
 * server reports errors under ("sections.1.items.2.meeting.city"), so errors land next to their fields.
 */

const KIND_OPTIONS: Option[] = [
  { value: 'ARTICLE', label: 'Article' },
  { value: 'MEETING_REPORT', label: 'Meeting report' },
  { value: 'PUBLICATION_REVIEW', label: 'Publication review' },
];
const SECTION_KIND_OPTIONS: Option[] = [{ value: '', label: 'Any kind' }, ...KIND_OPTIONS];
const PRECISION_OPTIONS: Option[] = [
  { value: 'DAY', label: 'Exact days' },
  { value: 'MONTH', label: 'Month only' },
  { value: 'YEAR', label: 'Year only' },
];
const PUBLICATION_KIND_OPTIONS: Option[] = [
  { value: 'RESEARCH_REPORT', label: 'Research report' },
  { value: 'MANUAL', label: 'Manual' },
  { value: 'ASSESSMENT', label: 'Assessment' },
  { value: 'COUNTRY_REPORT', label: 'Country report' },
  { value: 'JOURNAL', label: 'Journal' },
  { value: 'OTHER', label: 'Other' },
];
const AVAILABILITY_OPTIONS: Option[] = [
  { value: 'PUBLISHED', label: 'Published' },
  { value: 'FORTHCOMING', label: 'Forthcoming (to be released)' },
];
const STANDING_LABELS: Record<StandingField, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  publisher: 'Publisher',
  postalAddress: 'Postal address',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  webAddress: 'Web address',
  disclaimer: 'Standing disclaimer',
  reproductionNotice: 'Reproduction notice',
};

type Path = (string | number)[];

/** A copy of `obj` with the value at `path` replaced; only the objects along the path are copied. */
function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  copy[head!] = setIn(copy[head!], rest, value);
  return copy as T;
}
function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | null | undefined)?.[k], obj);
}
const keyOf = (path: Path) => path.join('.');
/** "sections[1].items[2].meeting.city" → "sections.1.items.2.meeting.city". */
const flagKey = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}

export function ImportScreen() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ProposeImportResult | null>(null);
  const [review, setReview] = useState<ReviewState | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [text, setText] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const flags = useMemo(() => {
    const map: Record<string, string[]> = {};
    for (const f of result?.proposal.flags ?? []) (map[flagKey(f.path)] ??= []).push(f.message);
    return map;
  }, [result]);

  function read() {
    setMessage(null);
    setErrors({});
    const file = fileRef.current?.files?.[0];
    if (file && file.size > MAX_IMPORT_BYTES) {
      setErrors({ file: [TOO_LARGE(file.size)] });
      setMessage(TOO_LARGE(file.size));
      return;
    }
    startTransition(async () => {
      const upload = file ? { fileBase64: await base64Of(file), fileName: file.name } : { text };
      const answer = await proposeImportAction(null, { upload });
      if (!answer.ok) {
        setErrors(answer.fieldErrors);
        setMessage(answer.message);
        return;
      }
      setResult(answer);
      setReview(
        reviewFromProposal(answer.proposal, { hash: answer.hash, fileName: answer.fileName, matches: answer.matches }),
      );
    });
  }

  function create() {
    if (!review) return;
    setMessage(null);
    startTransition(async () => {
      const answer = await commitImportAction(null, { review: reviewPayload(review) });
      // Success redirects to the new issue's desk.
      if (answer.ok) return;
      setErrors(answer.fieldErrors);
      setMessage(answer.message);
      const conflict =
        answer.code === 'conflict'
          ? (answer.conflict as Pick<ProposeImportResult, 'duplicateOf'> | undefined)
          : undefined;
      if (conflict?.duplicateOf && result) setResult({ ...result, duplicateOf: conflict.duplicateOf });
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  if (!review || !result) {
    return (
      <section className="panel" aria-labelledby="import-source-heading">
        <h2 id="import-source-heading">The bulletin</h2>
        {message && (
          <p className="form-message form-message--error" role="status">
            {message}
          </p>
        )}
        <div className="field">
          <label htmlFor="file">Upload a file</label>
          <p className="field__hint" id="file-hint">
            Text (.txt), Markdown (.md) or Word (.docx), up to 5 MB. For a PDF, import its text.
          </p>
          <input
            id="file"
            name="file"
            type="file"
            ref={fileRef}
            accept=".txt,.md,.markdown,.text,.docx,text/plain,text/markdown"
            aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={errors.file ? true : undefined}
          />
          {errors.file && (
            <p className="field__error" id="file-error">
              {errors.file.join(' ')}
            </p>
          )}
        </div>
        <TextAreaField
          id="text"
          name="text"
          label="Or paste its text"
          hint="As copied from the PDF: the masthead, the contents, the sections and their items."
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          errors={errors.text}
          wide
        />
        <button type="button" className="button" onClick={read} disabled={pending}>
          {pending ? 'Reading…' : 'Read the bulletin'}
        </button>
      </section>
    );
  }

  const set = (path: Path, value: unknown) => setReview((r) => (r ? setIn(r, path, value) : r));
  const field = (path: Path, label: string, extra: { type?: string; hint?: ReactNode; wide?: boolean } = {}) => {
    const key = keyOf(path);
    return (
      <TextField
        id={key}
        name={key}
        label={label}
        type={extra.type}
        value={String(getIn(review, path) ?? '')}
        onChange={(e) => set(path, e.target.value)}
        errors={errors[key]}
        hint={flagHint(flags[key], extra.hint)}
        wide={extra.wide}
        className={flags[key] ? 'field--flagged' : undefined}
      />
    );
  };
  const select = (path: Path, label: string, options: Option[], hint?: ReactNode) => {
    const key = keyOf(path);
    return (
      <SelectField
        id={key}
        name={key}
        label={label}
        options={options}
        value={String(getIn(review, path) ?? '')}
        onChange={(e) =>
          set(path, e.target.value === '' && path[path.length - 1] === 'acceptsKind' ? null : e.target.value)
        }
        errors={errors[key]}
        hint={flagHint(flags[key], hint)}
        className={flags[key] ? 'field--flagged' : undefined}
      />
    );
  };

  const itemCount = review.sections.reduce((n, s) => n + s.items.filter((i) => i.include).length, 0);
  const errorLabels = Object.fromEntries(
    Object.keys(errors)
      .filter((k) => k)
      .map((k) => [k, labelOfKey(k)]),
  );

  return (
    <div className="import-review">
      <ErrorSummary errors={errors} labels={errorLabels} summaryRef={summaryRef} />
      {message && (
        <p className="form-message form-message--error" role="status">
          {message}
        </p>
      )}
      <p className="bo-lede">
        Quire read {result.format === 'docx' ? 'the Word file' : 'the text'}
        {result.fileName ? ` “${result.fileName}”` : ''}: {review.sections.length} sections, {itemCount} items.{' '}
        {result.proposal.flags.length > 0 && `${result.proposal.flags.length} things to check are marked “Check”.`}{' '}
        <button type="button" className="button button--quiet" onClick={() => (setReview(null), setResult(null))}>
          Read another bulletin
        </button>
      </p>

      {result.duplicateOf && (
        <section className="panel import-duplicate" aria-labelledby="duplicate-heading" role="group">
          <h2 id="duplicate-heading">This text was imported before</h2>
          <p>
            It became <a href={`/admin/issues/${result.duplicateOf.issueId}`}>N° {result.duplicateOf.number}</a> on{' '}
            {result.duplicateOf.importedAt.slice(0, 10)}
            {result.duplicateOf.by ? `, imported by ${result.duplicateOf.by}` : ''}.
          </p>
          <CheckboxField
            id="confirmDuplicate"
            name="confirmDuplicate"
            label="Import it again anyway"
            checked={review.confirmDuplicate}
            onChange={(e) => set(['confirmDuplicate'], e.target.checked)}
          />
        </section>
      )}

      <section className="panel" aria-labelledby="import-issue-heading">
        <h2 id="import-issue-heading">The issue</h2>
        <div className="form-row">
          {field(['issue', 'number'], 'Number')}
          {field(['issue', 'coverLabel'], 'Cover label')}
          {field(['issue', 'coverDate'], 'Cover date', { type: 'date' })}
        </div>
        <fieldset className="field" id="mode">
          <legend>Create it</legend>
          <label className="choice">
            <input
              type="radio"
              name="mode"
              value="production"
              checked={review.mode === 'production'}
              onChange={() => set(['mode'], 'production')}
            />{' '}
            In production: the items approved, to publish from the issue desk
          </label>
          <label className="choice">
            <input
              type="radio"
              name="mode"
              value="published"
              checked={review.mode === 'published'}
              onChange={() => set(['mode'], 'published')}
            />{' '}
            As a past issue, published on its original date
          </label>
        </fieldset>
        {review.mode === 'published' && field(['publishedOn'], 'Published on', { type: 'date' })}
      </section>

      {STANDING_FIELDS.some((f) => review.standing[f]) && (
        <section className="panel" aria-labelledby="import-standing-heading">
          <h2 id="import-standing-heading">Standing matter</h2>
          <p className="muted">
            Printed in every issue, so it is not imported into this one. It can update the publication settings instead
            {result.canEditSettings ? '.' : ' (administrators only).'}
          </p>
          <dl className="import-standing">
            {STANDING_FIELDS.filter((f) => review.standing[f]).map((f) => (
              <div key={f} className="import-standing__row">
                <dt>{STANDING_LABELS[f]}</dt>
                <dd>
                  <p>
                    <span className="muted">In the bulletin:</span> {review.standing[f]}
                  </p>
                  <p>
                    <span className="muted">In the settings:</span> {result.currentStanding[f] || '(empty)'}
                  </p>
                  {result.canEditSettings && review.standing[f] !== result.currentStanding[f] && (
                    <CheckboxField
                      id={`standing.${f}`}
                      name={`standing.${f}`}
                      label={`Update the settings’ ${STANDING_LABELS[f].toLowerCase()}`}
                      errors={errors[`standing.${f}`]}
                      checked={review.applyStanding.includes(f)}
                      onChange={(e) =>
                        set(
                          ['applyStanding'],
                          e.target.checked ? [...review.applyStanding, f] : review.applyStanding.filter((x) => x !== f),
                        )
                      }
                    />
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <ol className="import-sections">
        {review.sections.map((section, si) => (
          <li key={si} className="panel import-section" data-section-title={section.title}>
            <h2>
              Section {si + 1}: {section.title}
            </h2>
            <div className="form-row">
              {field(['sections', si, 'title'], 'Section title', {
                hint: result.proposal.sections[si]?.heading
                  ? `Printed “${result.proposal.sections[si]!.heading}”.`
                  : undefined,
              })}
              {select(['sections', si, 'acceptsKind'], 'Takes', SECTION_KIND_OPTIONS)}
            </div>
            <ol className="import-items">
              {section.items.map((item, ii) => (
                <ImportItem
                  key={ii}
                  path={['sections', si, 'items', ii]}
                  item={item}
                  flagsFor={flags}
                  match={result.matches[`${si}.${ii}`]}
                  field={field}
                  select={select}
                  set={set}
                  errors={errors}
                />
              ))}
            </ol>
          </li>
        ))}
      </ol>

      <p>
        <button
          type="button"
          className="button"
          onClick={create}
          disabled={pending || (!!result.duplicateOf && !review.confirmDuplicate)}
        >
          {pending ? 'Creating…' : 'Create issue'}
        </button>{' '}
        <span className="muted">
          {review.mode === 'published'
            ? 'The issue and its items are published with the original date.'
            : 'The items are approved; publish the issue from its desk.'}
        </span>
      </p>
    </div>
  );
}

function flagHint(messages: string[] | undefined, hint: ReactNode): ReactNode {
  if (!messages?.length) return hint;
  return (
    <>
      <span className="import-flag">Check: {messages.join('; ')}.</span>
      {hint ? <> {hint}</> : null}
    </>
  );
}

function labelOfKey(key: string): string {
  const m = /^sections\.(\d+)\.items\.(\d+)\.(.+)$/.exec(key);
  if (m) return `Section ${Number(m[1]) + 1}, item ${Number(m[2]) + 1}, ${m[3]!.replace('.', ' ')}`;
  return key.replace('.', ' ');
}

type FieldFn = (path: Path, label: string, extra?: { type?: string; hint?: ReactNode; wide?: boolean }) => ReactNode;
type SelectFn = (path: Path, label: string, options: Option[], hint?: ReactNode) => ReactNode;

function ImportItem({
  path,
  item,
  flagsFor,
  match,
  field,
  select,
  set,
  errors,
}: {
  path: Path;
  item: ReviewItemState;
  flagsFor: Record<string, string[]>;
  match: ProposeImportResult['matches'][string] | undefined;
  field: FieldFn;
  select: SelectFn;
  set: (path: Path, value: unknown) => void;
  errors: FieldErrors;
}) {
  const key = keyOf(path);
  const [editing, setEditing] = useState(false);
  const titleId = `${key}.heading`;
  return (
    <li className={`import-item${item.include ? '' : ' import-item--left-out'}`} data-item-title={item.title}>
      <fieldset aria-labelledby={titleId}>
        <legend id={titleId}>{item.title || '(no title)'}</legend>
        <CheckboxField
          id={`${key}.include`}
          name={`${key}.include`}
          label="Import this item"
          checked={item.include}
          onChange={(e) => set([...path, 'include'], e.target.checked)}
          hint={flagsFor[`${key}.standing`]?.join('; ')}
        />
        {item.include && (
          <>
            <div className="form-row">
              {select([...path, 'kind'], 'Kind', KIND_OPTIONS)}
              {field([...path, 'title'], 'Title', { wide: true })}
            </div>
            <TextAreaField
              id={`${key}.standfirst`}
              name={`${key}.standfirst`}
              label="Standfirst"
              rows={2}
              value={item.standfirst}
              onChange={(e) => set([...path, 'standfirst'], e.target.value)}
              errors={errors[`${key}.standfirst`]}
              wide
            />
            <div className="field field--wide">
              <span className="field__label" id={`${key}.body-label`}>
                Text
              </span>
              {errors[`${key}.body`] && (
                <p className="field__error" id={`${key}.body`}>
                  {errors[`${key}.body`]!.join(' ')}
                </p>
              )}
              {editing ? (
                <RichTextEditor
                  initialContent={item.body}
                  onChange={(doc) => set([...path, 'body'], doc)}
                  label="Text"
                  labelledBy={`${key}.body-label`}
                />
              ) : (
                <div className="import-body">
                  <DocPreview doc={item.body} />
                </div>
              )}
              <button type="button" className="button button--quiet" onClick={() => setEditing((v) => !v)}>
                {editing ? 'Done editing the text' : 'Edit the text'}
              </button>
            </div>
            {item.kind === 'MEETING_REPORT' && (
              <RecordFields
                legend="The meeting"
                match={
                  match?.meeting
                    ? `${match.meeting.name} (${[match.meeting.startDate, match.meeting.city, match.meeting.country].filter(Boolean).join(', ')})`
                    : null
                }
                matchId={match?.meeting?.id ?? null}
                chosenId={item.meetingId}
                onChoose={(id) => {
                  set([...path, 'meetingId'], id);
                  if (!item.meeting) set([...path, 'meeting'], emptyMeeting());
                }}
                name={`${key}.meetingChoice`}
              >
                <div className="form-row">
                  {field([...path, 'meeting', 'name'], 'Name of the meeting', { wide: true })}
                  {field([...path, 'meeting', 'startDate'], 'Starts', { type: 'date' })}
                  {field([...path, 'meeting', 'endDate'], 'Ends', { type: 'date' })}
                  {select([...path, 'meeting', 'datePrecision'], 'Dates known to', PRECISION_OPTIONS)}
                  {field([...path, 'meeting', 'city'], 'City')}
                  {field([...path, 'meeting', 'country'], 'Country')}
                  {field([...path, 'meeting', 'organisers'], 'Organisers', { wide: true })}
                </div>
              </RecordFields>
            )}
            {item.kind === 'PUBLICATION_REVIEW' && (
              <RecordFields
                legend="The publication"
                match={
                  match?.publication
                    ? `${match.publication.title} (${[match.publication.issuingBody, match.publication.date].filter(Boolean).join(', ')})`
                    : null
                }
                matchId={match?.publication?.id ?? null}
                chosenId={item.publicationId}
                onChoose={(id) => {
                  set([...path, 'publicationId'], id);
                  if (!item.publication) set([...path, 'publication'], emptyPublication());
                }}
                name={`${key}.publicationChoice`}
              >
                <div className="form-row">
                  {field([...path, 'publication', 'title'], 'Title of the publication', { wide: true })}
                  {field([...path, 'publication', 'authors'], 'Authors')}
                  {field([...path, 'publication', 'issuingBody'], 'Issuing body')}
                  {field([...path, 'publication', 'date'], 'Date', { type: 'date' })}
                  {select([...path, 'publication', 'datePrecision'], 'Date known to', PRECISION_OPTIONS)}
                  {select([...path, 'publication', 'kind'], 'Kind of publication', PUBLICATION_KIND_OPTIONS)}
                  {select([...path, 'publication', 'availability'], 'Availability', AVAILABILITY_OPTIONS)}
                </div>
              </RecordFields>
            )}
            {item.tags.length > 0 && (
              <fieldset className="field import-tags">
                <legend>Tags</legend>
                {item.tags.map((t, ti) => (
                  <label key={`${t.kind}:${t.name}`} className="choice">
                    <input
                      type="checkbox"
                      checked
                      onChange={() =>
                        set(
                          [...path, 'tags'],
                          item.tags.filter((_, i) => i !== ti),
                        )
                      }
                    />{' '}
                    {t.name}{' '}
                    <span className="muted">
                      ({t.kind.toLowerCase()}
                      {match?.existingTags?.some((e) => e.kind === t.kind && e.name === t.name)
                        ? ', existing'
                        : ', new'}
                      )
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
          </>
        )}
      </fieldset>
    </li>
  );
}

function RecordFields({
  legend,
  match,
  matchId,
  chosenId,
  onChoose,
  name,
  children,
}: {
  legend: string;
  match: string | null;
  matchId: string | null;
  chosenId: string | null;
  onChoose: (id: string | null) => void;
  name: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="field field--wide import-record">
      <legend>{legend}</legend>
      {match && matchId && (
        <>
          <label className="choice">
            <input type="radio" name={name} checked={chosenId === matchId} onChange={() => onChoose(matchId)} /> Use the
            existing record: {match}
          </label>
          <label className="choice">
            <input type="radio" name={name} checked={chosenId === null} onChange={() => onChoose(null)} /> Create a new
            one from these fields
          </label>
        </>
      )}
      {chosenId === null && children}
    </fieldset>
  );
}

/** The proposed text as it will read (React escapes all text; links are the validated ones). */
function DocPreview({ doc }: { doc: RichTextDoc }) {
  if (doc.content.length === 0) return <p className="muted">(No text.)</p>;
  return <>{doc.content.map((n, i) => renderNode(n, i))}</>;
}

function renderNode(n: RichTextNode, key: number): ReactNode {
  switch (n.type) {
    case 'text':
      return n.marks?.length ? wrapMarks(n.text, n.marks, key) : n.text;
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'paragraph':
      return <p key={key}>{n.content?.map(renderNode)}</p>;
    case 'heading':
      return n.attrs.level === 2 ? (
        <h3 key={key}>{n.content?.map(renderNode)}</h3>
      ) : (
        <h4 key={key}>{n.content?.map(renderNode)}</h4>
      );
    case 'blockquote':
      return <blockquote key={key}>{n.content.map(renderNode)}</blockquote>;
    case 'bulletList':
      return <ul key={key}>{n.content.map(renderNode)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={n.attrs?.start}>
          {n.content.map(renderNode)}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{n.content.map(renderNode)}</li>;
  }
}

function wrapMarks(text: string, marks: RichTextMark[], key: number): ReactNode {
  const wrapped = marks.reduce<ReactNode>((inner, m) => {
    if (m.type === 'bold') return <strong>{inner}</strong>;
    if (m.type === 'italic') return <em>{inner}</em>;
    return (
      <a href={m.attrs.href} rel="noopener noreferrer nofollow">
        {inner}
      </a>
    );
  }, text);
  return <Fragment key={key}>{wrapped}</Fragment>;
}
