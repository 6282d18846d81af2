'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ItemKind } from '@/generated/prisma/enums';
import { saveItemAction, transitionItemAction } from '@/app/admin/items/[id]/actions';
import { createItemAction } from '@/app/admin/items/new/actions';
import { searchMeetingsAction, searchPublicationsAction } from '@/app/admin/items/new/record-actions';
import { RichTextEditor } from '@/components/editor/rich-text-editor';
import type { ActionFailure } from '@/lib/actions/action';
import type { CommentDto, ItemEditorItem } from '@/lib/content/items/dto';
import type { ItemConflict } from '@/lib/content/items/item-conflict';
import type { TagOption } from '@/lib/content/tags/list-tags';
import { itemKindLabel } from '@/lib/format/labels';
import { parseWith, type FieldErrors as Errors } from '@/lib/validation/field-errors';
import { itemSchema } from '@/lib/validation/item';
import { toSlug } from '@/lib/validation/slug';
import type { TransitionName } from '@/lib/workflow/states';
import { CommentsPanel } from './comments-panel';
import { ConflictView } from './conflict-view';
import { FieldError, TextField, TextAreaField } from '@/components/ui/fields';
import {
  emptyValues,
  isDirty,
  payloadOf,
  sameField,
  valuesFromSnapshot,
  type FormField,
  type FormValues,
} from './item-form-values';
import { formatLocalTime, useMounted } from './local-time';
import { NewMeetingForm, NewPublicationForm } from './record-forms';
import { RecordPicker } from './record-picker';
import { SourcesField } from './sources-field';
import { TagsField } from './tags-field';
import { useUnsavedGuard } from './use-unsaved-guard';
import { WorkflowPanel } from './workflow-panel';
import './item-desk.css';

/** Autosave this long after the last change. */
export const AUTOSAVE_DELAY_MS = 3000;

type Status = { kind: 'new' } | { kind: 'saved'; at: Date | null } | { kind: 'error'; message: string };

type Backup = { version: number; base: FormValues; values: FormValues };

const backupKey = (itemId: string | null, kind: ItemKind) =>
  itemId ? `quire:item:${itemId}` : `quire:item:new:${kind}`;

function readBackup(key: string): Backup | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (!raw) return null;
    const b = JSON.parse(raw) as Backup;
    return typeof b?.version === 'number' && b.values && b.base ? b : null;
  } catch {
    return null;
  }
}

function writeBackup(key: string, backup: Backup | null) {
  try {
    if (backup) window.sessionStorage.setItem(key, JSON.stringify(backup));
    else window.sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the page's own state still holds the text.
  }
}

/**
 * ProseMirror hands out attribute objects without a prototype; the schema (zod) refuses those in the
 * browser. A JSON round trip gives the plain document the server will receive anyway.
 */
const plainJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const FIELD_OF_KEY: Record<string, FormField> = { meetingId: 'meeting', publicationId: 'publication' };
const fieldOfKey = (key: string): FormField | null => {
  const top = key.split('.')[0] ?? '';
  return (
    FIELD_OF_KEY[top] ??
    (['title', 'slug', 'standfirst', 'body', 'tags', 'sources'].includes(top) ? (top as FormField) : null)
  );
};

function failureMessage(result: ActionFailure): string {
  switch (result.code) {
    case 'unauthenticated':
      return 'your session has ended. Sign in again in another tab, then save: your text is still here.';
    case 'not-found':
      return 'this item no longer exists, or is no longer yours to see.';
    case 'invalid':
      return Object.keys(result.fieldErrors).some((k) => k !== '')
        ? 'correct the fields marked below.'
        : (result.fieldErrors['']?.[0] ?? result.message);
    default:
      return result.message;
  }
}

/**
 * The item form (new and existing items of every kind): fields validated with the item schema as you
 * type and by the server on save; autosave a few seconds after typing stops, explicit Save, a status
 * line that always says where things stand, a warning before leaving unsaved changes, and a copy of
 * unsaved changes in this tab's sessionStorage so a reload or a crash loses nothing. A refused save
 * (someone else saved first) opens the conflict view; nothing is overwritten silently.
 */
export function ItemEditor({
  kind,
  item,
  tagOptions,
  comments = [],
  activity,
  readOnlyReason,
}: {
  kind: ItemKind;
  item: ItemEditorItem | null;
  tagOptions: TagOption[];
  comments?: CommentDto[];
  activity?: ReactNode;
  readOnlyReason?: string | null;
}) {
  const router = useRouter();
  const mounted = useMounted();
  const isNewPage = item === null;

  const [values, setValuesState] = useState<FormValues>(() => (item ? valuesFromSnapshot(item.fields) : emptyValues()));
  const [base, setBaseState] = useState<FormValues>(values);
  const [version, setVersionState] = useState(item?.version ?? 0);
  const [itemId, setItemIdState] = useState<string | null>(item?.id ?? null);
  const valuesRef = useRef(values);
  const baseRef = useRef(base);
  const versionRef = useRef(version);
  const itemIdRef = useRef(itemId);

  const commit = useCallback((next: { values?: FormValues; base?: FormValues; version?: number; itemId?: string }) => {
    if (next.values) {
      valuesRef.current = next.values;
      setValuesState(next.values);
    }
    if (next.base) {
      baseRef.current = next.base;
      setBaseState(next.base);
    }
    if (next.version !== undefined) {
      versionRef.current = next.version;
      setVersionState(next.version);
    }
    if (next.itemId !== undefined) {
      itemIdRef.current = next.itemId;
      setItemIdState(next.itemId);
    }
  }, []);

  const [status, setStatus] = useState<Status>(() =>
    item ? { kind: 'saved', at: item.lastSaved?.at ?? null } : { kind: 'new' },
  );
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<ItemConflict | null>(null);
  const [serverErrors, setServerErrors] = useState<{ errors: Errors; forValues: FormValues } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [editorKey, setEditorKey] = useState(0);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [restored, setRestored] = useState<null | { editable: boolean; backup: Backup }>(null);
  const [slugFollows, setSlugFollows] = useState(
    () =>
      !item || (item.issue === null && item.state !== 'PUBLISHED' && item.fields.slug === toSlug(item.fields.title)),
  );
  const [meetingDetail, setMeetingDetail] = useState<string | null>(item?.meetingDetail ?? null);
  const [publicationDetail, setPublicationDetail] = useState<string | null>(item?.publicationDetail ?? null);
  const failedRef = useRef<FormValues | null>(null);
  const inflightRef = useRef<Promise<boolean> | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);

  const canEdit = (item ? item.permissions.edit : true) && !(conflict && !conflict.canEdit);
  const dirty = useMemo(() => isDirty(values, base), [values, base]);
  const unsaved = dirty || saving;
  useUnsavedGuard(unsaved && canEdit);

  // Validation with the same schema the server uses, on every change.
  const clientErrors = useMemo(() => {
    const checked = parseWith(itemSchema, payloadOf(kind, values));
    return checked.ok ? {} : checked.fieldErrors;
  }, [kind, values]);

  const errorsFor = useCallback(
    (key: string): string[] | undefined => {
      const field = fieldOfKey(key);
      const top = key.split('.')[0] ?? '';
      const shown = showAll || touched.has(top);
      const fromClient = shown ? (clientErrors[key] ?? []) : [];
      const fromServer =
        serverErrors && (field === null || sameField(values, serverErrors.forValues, field))
          ? (serverErrors.errors[key] ?? [])
          : [];
      const all = [...new Set([...fromClient, ...fromServer])];
      return all.length ? all : undefined;
    },
    [clientErrors, serverErrors, showAll, touched, values],
  );
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));

  useEffect(() => {
    if (focusInvalid === 0) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [focusInvalid]);

  // --- Saving ---------------------------------------------------------------------------------------

  const runSave = useCallback(
    async (sent: FormValues, mode: 'auto' | 'manual'): Promise<boolean> => {
      const payload = payloadOf(kind, sent);
      const checked = parseWith(itemSchema, payload);
      if (!checked.ok) {
        failedRef.current = sent;
        setShowAll(true);
        setStatus({ kind: 'error', message: 'correct the fields marked below.' });
        if (mode === 'manual') setFocusInvalid((n) => n + 1);
        return false;
      }
      setSaving(true);
      try {
        const id = itemIdRef.current;
        const result = id
          ? await saveItemAction(null, {
              itemId: id,
              expectedVersion: versionRef.current,
              autosave: mode === 'auto',
              fields: payload,
            })
          : await createItemAction(null, { fields: payload });
        if (result.ok) {
          failedRef.current = null;
          commit({ base: sent, version: result.version, itemId: result.itemId });
          setServerErrors(null);
          setStatus({ kind: 'saved', at: new Date(result.savedAt) });
          if (!id) {
            writeBackup(backupKey(null, kind), null);
            // The address becomes the item's own, without leaving the page (typing goes on).
            window.history.replaceState(null, '', `/admin/items/${result.itemId}`);
          }
          return true;
        }
        failedRef.current = sent;
        if (result.code === 'conflict' && result.conflict) {
          setConflict(result.conflict as ItemConflict);
          setStatus({ kind: 'error', message: 'someone else changed this item. See what they changed below.' });
          return false;
        }
        if (result.code === 'invalid') {
          setServerErrors({ errors: result.fieldErrors, forValues: sent });
          setShowAll(true);
          if (mode === 'manual') setFocusInvalid((n) => n + 1);
        }
        setStatus({ kind: 'error', message: failureMessage(result) });
        return false;
      } catch {
        failedRef.current = sent;
        setStatus({
          kind: 'error',
          message: 'the server could not be reached. Your text is still here: save again in a moment.',
        });
        return false;
      } finally {
        setSaving(false);
      }
    },
    [commit, kind],
  );

  /** Saves what is on screen unless it is already saved; one save at a time. */
  const save = useCallback(
    async (mode: 'auto' | 'manual'): Promise<boolean> => {
      while (inflightRef.current) await inflightRef.current;
      const sent = valuesRef.current;
      if (itemIdRef.current && !isDirty(sent, baseRef.current)) return true;
      const run = runSave(sent, mode);
      inflightRef.current = run;
      try {
        return await run;
      } finally {
        inflightRef.current = null;
      }
    },
    [runSave],
  );

  const ensureSaved = useCallback(async () => {
    if (!canEdit || !itemIdRef.current) return true;
    if (conflict) return false;
    return save('manual');
  }, [canEdit, conflict, save]);

  // Autosave: a few seconds after the last change, when there is something valid to save.
  useEffect(() => {
    if (!canEdit || conflict || saving || !dirty) return;
    if (failedRef.current === values) return;
    const timer = setTimeout(() => void save('auto'), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, dirty, canEdit, conflict, saving, save]);

  // A copy of unsaved changes in this tab, so a reload, a crash or going from "new" to the item's page loses nothing.
  // Read first (declared first, so it runs before the effect below clears a clean copy).
  useEffect(() => {
    const b = readBackup(backupKey(item?.id ?? null, kind));
    if (!b || !isDirty(b.values, b.base)) return;
    const editable = item ? item.permissions.edit : true;
    if (editable) {
      // Restored as it was: the version it was based on too, so a save that is now stale is refused and compared.
      commit({ values: b.values, base: b.base, version: item ? b.version : 0 });
      setEditorKey((k) => k + 1);
    }
    setRestored({ editable, backup: b });
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const key = backupKey(itemId, kind);
  useEffect(() => {
    writeBackup(key, dirty && canEdit ? { version, base, values } : null);
  }, [key, dirty, canEdit, version, base, values]);
  useEffect(
    () => () => {
      const k = backupKey(itemIdRef.current, kind);
      if (isDirty(valuesRef.current, baseRef.current))
        writeBackup(k, { version: versionRef.current, base: baseRef.current, values: valuesRef.current });
    },
    [kind],
  );
  const discardRestored = () => {
    const fresh = item ? valuesFromSnapshot(item.fields) : emptyValues();
    commit({ values: fresh, base: fresh, version: item?.version ?? 0 });
    setEditorKey((k) => k + 1);
    setConflict(null);
    writeBackup(backupKey(itemIdRef.current, kind), null);
    setRestored(null);
  };

  // --- Changes -----------------------------------------------------------------------------------

  const change = (patch: Partial<FormValues>) => {
    const next = { ...valuesRef.current, ...patch };
    commit({ values: next });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit || conflict) return;
    const ok = await save('manual');
    if (ok && isNewPage && itemIdRef.current) router.replace(`/admin/items/${itemIdRef.current}`);
  };

  // --- Conflicts ------------------------------------------------------------------------------------

  const takeTheirs = (theirs: FormValues) => {
    if (!conflict) return;
    const stillEditable = conflict.canEdit;
    commit({ values: theirs, base: theirs, version: conflict.version });
    setEditorKey((k) => k + 1);
    setConflict(null);
    setServerErrors(null);
    failedRef.current = null;
    setStatus({ kind: 'saved', at: conflict.lastSavedAt ? new Date(conflict.lastSavedAt) : null });
    if (conflict.theirs.meetingId !== values.meeting?.id) setMeetingDetail(null);
    if (conflict.theirs.publicationId !== values.publication?.id) setPublicationDetail(null);
    // Its state changed too: the page's buttons and permissions come from the server.
    if (!stillEditable || conflict.state !== item?.state) router.refresh();
  };

  const keepMine = async (merged: FormValues, theirs: FormValues) => {
    if (!conflict) return;
    commit({ values: merged, base: theirs, version: conflict.version });
    setEditorKey((k) => k + 1);
    setConflict(null);
    failedRef.current = null;
    await save('manual');
  };

  // --- Workflow -------------------------------------------------------------------------------------

  const runTransition = useCallback(
    async (name: TransitionName, note: string | null) => {
      setBusy(true);
      try {
        const result = await transitionItemAction(null, {
          itemId: itemIdRef.current!,
          transition: name,
          expectedVersion: versionRef.current,
          note,
        });
        if (result.ok) commit({ version: result.version });
        return result;
      } finally {
        setBusy(false);
      }
    },
    [commit],
  );

  const newerOnServer = item !== null && !busy && !saving && !conflict && item.version > version;
  const loadServerVersion = () => {
    if (!item) return;
    const fresh = valuesFromSnapshot(item.fields);
    commit({ values: fresh, base: fresh, version: item.version });
    setEditorKey((k) => k + 1);
    setStatus({ kind: 'saved', at: item.lastSaved?.at ?? null });
  };

  // --- Status line ----------------------------------------------------------------------------------

  const failedHere = status.kind === 'error' && (conflict !== null || failedRef.current === values);
  const statusText = saving
    ? 'Saving…'
    : failedHere && status.kind === 'error'
      ? `Not saved: ${status.message}`
      : dirty
        ? 'Unsaved changes'
        : status.kind === 'new' || (isNewPage && !itemId)
          ? 'Not saved yet'
          : status.kind === 'saved' && status.at
            ? `Saved at ${formatLocalTime(status.at, mounted)}`
            : 'Saved';
  const statusTone = saving ? 'busy' : failedHere ? 'error' : dirty ? 'dirty' : 'ok';

  const title = values.title.trim() || (item ? 'Untitled item' : `New ${itemKindLabel[kind].toLowerCase()}`);
  const readOnly = !canEdit;
  // Until the page is hydrated, typing would not reach the form's state: the fields wait for it.
  const inputsReadOnly = readOnly || !mounted;
  const formErrors = serverErrors?.errors['']?.length ? serverErrors.errors[''] : undefined;

  return (
    <div className="item-desk">
      <header className="item-desk__head">
        <p className="kicker">
          {itemKindLabel[kind]}
          {item && <> · by {item.author.name}</>}
          {item?.issue && (
            <>
              {' '}
              · N° {item.issue.number} ({item.issue.coverLabel}){item.section && <>, {item.section.title}</>}
            </>
          )}
        </p>
        <h1 id="item-heading">{title}</h1>
        {itemId && (
          <nav aria-label="This item" className="item-desk__links">
            <Link href={`/admin/items/${itemId}/preview`}>Preview</Link>
            <Link href={`/admin/items/${itemId}/history`}>History</Link>
          </nav>
        )}
      </header>

      {item?.changeRequest && item.state === 'CHANGES_REQUESTED' && (
        <section className="notice notice--warn" aria-labelledby="change-request-heading" data-testid="change-request">
          <h2 id="change-request-heading">Changes requested</h2>
          <p className="muted">
            {item.changeRequest.by?.name ?? 'An editor'} · {formatLocalTime(new Date(item.changeRequest.at), mounted)}
          </p>
          <p className="notice__note">{item.changeRequest.note}</p>
        </section>
      )}
      {readOnlyReason && (
        <p className="notice notice--info" data-testid="read-only-reason">
          {readOnlyReason}
        </p>
      )}
      {item?.state === 'PUBLISHED' && canEdit && (
        <p className="notice notice--info">
          This item is published. Saving a change corrects the public page, which then says “Updated” with the date.
        </p>
      )}
      {restored && (
        <div className="notice notice--info" role="status">
          {restored.editable ? (
            <p>Unsaved changes from your last visit to this page were restored from this browser.</p>
          ) : (
            <>
              <p>
                This browser kept unsaved changes from your last visit, but you can no longer change this item. Here is
                that text, to copy:
              </p>
              <pre className="notice__pre">
                {[restored.backup.values.title, restored.backup.values.standfirst].filter(Boolean).join('\n\n')}
              </pre>
            </>
          )}
          <button type="button" className="button button--small button--quiet" onClick={discardRestored}>
            {restored.editable ? 'Discard them' : 'Forget it'}
          </button>
        </div>
      )}
      {newerOnServer && (
        <div className="notice notice--info" role="status">
          <p>
            This item was changed elsewhere since you opened it.{' '}
            {dirty
              ? 'Your next save will show what changed, so you can choose.'
              : 'Load the current version to see it.'}
          </p>
          {!dirty && (
            <button type="button" className="button button--small button--quiet" onClick={loadServerVersion}>
              Load the current version
            </button>
          )}
        </div>
      )}
      {conflict && itemId && (
        <ConflictView
          conflict={conflict}
          base={base}
          mine={values}
          itemId={itemId}
          onTakeTheirs={takeTheirs}
          onKeepMine={(m, t) => void keepMine(m, t)}
          busy={saving}
        />
      )}

      <div className="item-desk__grid">
        <form
          ref={formRef}
          className="item-form"
          onSubmit={(e) => void onSubmit(e)}
          noValidate
          aria-labelledby="item-heading"
          data-ready={mounted || undefined}
        >
          <div className="save-bar">
            <p className={`save-bar__status save-bar__status--${statusTone}`} role="status" data-testid="save-status">
              {statusText}
            </p>
            {canEdit && (
              <button type="submit" className="button" disabled={saving || conflict !== null}>
                Save
              </button>
            )}
          </div>
          <FieldError id="item-form-error" errors={formErrors} />

          <TextField
            id="item-title"
            label="Title"
            className="field--wide"
            value={values.title}
            readOnly={inputsReadOnly}
            errors={errorsFor('title')}
            onBlur={() => touch('title')}
            onChange={(e) =>
              change({ title: e.target.value, ...(slugFollows ? { slug: toSlug(e.target.value) } : {}) })
            }
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
              onChange={(e) => {
                setSlugFollows(false);
                change({ slug: e.target.value });
              }}
              autoComplete="off"
              spellCheck={false}
            />
            {!readOnly && !slugFollows && (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setSlugFollows(true);
                  change({ slug: toSlug(valuesRef.current.title) });
                }}
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
              key={editorKey}
              initialContent={values.body}
              onChange={(doc) => change({ body: plainJson(doc) })}
              label="Text"
              labelledBy="item-body-label"
              errorId={errorsFor('body') ? 'item-body-error' : undefined}
              readOnly={readOnly}
            />
            <FieldError id="item-body-error" errors={errorsFor('body')} />
          </div>

          {kind === 'MEETING_REPORT' && (
            <RecordPicker
              id="item-meeting"
              noun="meeting"
              selected={values.meeting}
              selectedDetail={meetingDetail}
              onSelect={(o) => {
                change({ meeting: o ? { id: o.id, label: o.label } : null });
                setMeetingDetail(o?.detail ?? null);
              }}
              search={searchMeetingsAction}
              renderCreate={(done, cancel) => <NewMeetingForm onCreated={done} onCancel={cancel} />}
              errors={errorsFor('meetingId')}
              readOnly={readOnly}
            />
          )}
          {kind === 'PUBLICATION_REVIEW' && (
            <RecordPicker
              id="item-publication"
              noun="publication"
              selected={values.publication}
              selectedDetail={publicationDetail}
              onSelect={(o) => {
                change({ publication: o ? { id: o.id, label: o.label } : null });
                setPublicationDetail(o?.detail ?? null);
              }}
              search={searchPublicationsAction}
              renderCreate={(done, cancel) => <NewPublicationForm onCreated={done} onCancel={cancel} />}
              errors={errorsFor('publicationId')}
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
        </form>

        <aside className="item-desk__side" aria-label="Review">
          {item && itemId ? (
            <>
              <WorkflowPanel
                state={item.state}
                transitions={item.permissions.transitions}
                busy={busy}
                ensureSaved={ensureSaved}
                run={runTransition}
                onFieldErrors={(errors) => {
                  setServerErrors({ errors, forValues: valuesRef.current });
                  setShowAll(true);
                }}
              />
              <CommentsPanel
                itemId={itemId}
                comments={comments}
                canComment={item.permissions.comment}
                canResolve={item.permissions.resolveComments}
                quotable={bodyRef}
                ensureSaved={ensureSaved}
              />
              {activity}
            </>
          ) : (
            <section className="panel">
              <h2>Workflow</h2>
              {itemId ? (
                <>
                  <p>
                    The draft is saved. Submit it for review, read comments and see its history on the item’s own page.
                  </p>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={async () => {
                      if (await save('manual')) router.replace(`/admin/items/${itemIdRef.current}`);
                    }}
                  >
                    Open the item’s page
                  </button>
                </>
              ) : (
                <p className="muted">Once the draft is saved (give it a title), you can submit it for review.</p>
              )}
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
