'use client';

import { useActionState, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { updateSettingsAction } from '@/app/admin/settings/actions';
import { acceptsKindOptions } from '@/lib/format/issue-desk';
import type { SettingsConflict } from '@/lib/settings/settings-conflict';
import type { SettingsValues } from '@/lib/validation/settings';
import { templateRowsFromValues } from '@/lib/validation/settings-form';
import { FormMessage, TextAreaField, TextField } from '@/components/ui/fields';
import { SaveConflict, type ConflictRow } from '@/components/admin/save-conflict';

type Props = { values: SettingsValues; savedAt: string | null; templateIsDefault: boolean; version: number };

const LABELS: Record<string, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  publisher: 'Publisher',
  postalAddress: 'Postal address',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  webAddress: 'Web address',
  issn: 'ISSN',
  disclaimer: 'Disclaimer',
  reproductionNotice: 'Reproduction notice',
  contributionRetentionDays: 'Keep declined and spam contributions for (days)',
};

/** The template as one line per section: "1. Lead (Articles only)". */
function templateText(values: Record<string, string>): string {
  return templateRowsFromValues(values)
    .map((row, i) => {
      const kind = acceptsKindOptions.find((o) => o.value === row.acceptsKind)?.label ?? row.acceptsKind;
      return `${i + 1}. ${row.title}${kind ? ` (${kind})` : ''}`;
    })
    .join('\n');
}

/** The settings where the other admin's save and what this admin typed differ. */
function conflictRows(theirs: Record<string, string>, mine: Record<string, string>): ConflictRow[] {
  const rows: ConflictRow[] = Object.entries(LABELS)
    .filter(([field]) => (theirs[field] ?? '') !== (mine[field] ?? ''))
    .map(([field, label]) => ({ field, label, theirs: theirs[field] ?? '', mine: mine[field] ?? '' }));
  const [t, m] = [templateText(theirs), templateText(mine)];
  if (t !== m) rows.push({ field: 'sectionTemplate', label: 'Section template', theirs: t, mine: m });
  return rows;
}
type Row = { key: number; title: string; acceptsKind: string };

/** A settings text block: a wide textarea of three rows. */
function TextArea(props: { name: string; label: string; defaultValue: string; errors?: string[]; hint?: string }) {
  return <TextAreaField wide idPrefix="settings-" rows={3} {...props} />;
}

/**
 * Every publication setting in one form. A refusal lists every error next to its field (template
 * rows included) and keeps everything as typed; a save shows on the public site on the next request.
 */
export function SettingsForm({ values, savedAt, templateIsDefault, version: loadedVersion }: Props) {
  const [state, formAction, pending] = useActionState(updateSettingsAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  // The version this form saves at: the page's, or the other admin's once this admin chose to go on from it.
  const [adopted, setAdopted] = useState<{
    version: number;
    theirs?: Record<string, string>;
    after: typeof state;
  }>({ version: loadedVersion, after: null });
  const version = Math.max(adopted.version, loadedVersion);
  const failed = state && !state.ok ? state : null;
  const conflict =
    failed?.code === 'conflict' && adopted.after !== state ? (failed.conflict as SettingsConflict) : null;
  const tookTheirs = adopted.theirs && adopted.after === state ? adopted.theirs : null;
  const typed = tookTheirs ?? failed?.values ?? null;
  const shown: Record<string, string> =
    typed ??
    (Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<string, string>);
  const rows = typed
    ? templateRowsFromValues(typed)
    : values.sectionTemplate.map((r) => ({ title: r.title, acceptsKind: r.acceptsKind ?? '' }));
  const errors = (!tookTheirs && failed?.fieldErrors) || {};
  const errorCount = Object.values(errors).reduce((n, list) => n + list.length, 0);

  function keepMine() {
    if (!conflict) return;
    // The hidden version must hold theirs before the form is read.
    flushSync(() => setAdopted({ version: conflict.version, after: state }));
    formRef.current?.requestSubmit();
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      key={tookTheirs ? `theirs-${version}` : failed ? `failed-${JSON.stringify(failed.values)}` : `saved-${savedAt}`}
      aria-label="Publication settings"
      className="settings-form"
    >
      <input type="hidden" name="expectedVersion" value={String(version)} />
      {conflict ? (
        <SaveConflict
          what="the settings"
          savedAt={conflict.savedAt}
          rows={conflictRows(conflict.theirs, failed?.values ?? {})}
          busy={pending}
          onKeepMine={keepMine}
          onTakeTheirs={() => setAdopted({ version: conflict.version, theirs: conflict.theirs, after: state })}
        />
      ) : tookTheirs ? (
        <p className="form-message form-message--ok" role="status">
          The form now shows their settings. Change them and save, or leave them as they are.
        </p>
      ) : failed ? (
        <p className="form-message form-message--error" role="alert">
          {errorCount > 1 ? `${errorCount} fields need correcting: see the messages below.` : failed.message}
        </p>
      ) : (
        <FormMessage state={state} />
      )}

      <fieldset className="panel">
        <legend>Masthead</legend>
        <TextField
          name="title"
          idPrefix="settings-"
          label="Title"
          defaultValue={shown.title}
          errors={errors.title}
          required
        />
        <TextField
          name="subtitle"
          idPrefix="settings-"
          label="Subtitle"
          defaultValue={shown.subtitle}
          errors={errors.subtitle}
        />
        <TextField
          name="publisher"
          idPrefix="settings-"
          label="Publisher"
          defaultValue={shown.publisher}
          errors={errors.publisher}
        />
      </fieldset>

      <fieldset className="panel">
        <legend>Contact and identifiers (footer)</legend>
        <TextArea
          name="postalAddress"
          label="Postal address"
          defaultValue={shown.postalAddress ?? ''}
          errors={errors.postalAddress}
        />
        <div className="form-row">
          <TextField
            name="contactEmail"
            idPrefix="settings-"
            label="Contact e-mail"
            type="email"
            defaultValue={shown.contactEmail}
            errors={errors.contactEmail}
          />
          <TextField
            name="contactPhone"
            idPrefix="settings-"
            label="Contact phone"
            type="tel"
            defaultValue={shown.contactPhone}
            errors={errors.contactPhone}
          />
        </div>
        <div className="form-row">
          <TextField
            name="webAddress"
            idPrefix="settings-"
            label="Web address"
            type="url"
            defaultValue={shown.webAddress}
            errors={errors.webAddress}
            hint="Starting with https:// or http://"
          />
          <TextField
            name="issn"
            idPrefix="settings-"
            label="ISSN"
            defaultValue={shown.issn}
            errors={errors.issn}
            hint="Such as 1020-8852."
          />
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>Notices (footer)</legend>
        <TextArea
          name="disclaimer"
          label="Disclaimer"
          defaultValue={shown.disclaimer ?? ''}
          errors={errors.disclaimer}
        />
        <TextArea
          name="reproductionNotice"
          label="Reproduction notice"
          defaultValue={shown.reproductionNotice ?? ''}
          errors={errors.reproductionNotice}
        />
      </fieldset>

      <fieldset className="panel">
        <legend>Information Exchange</legend>
        <TextField
          name="contributionRetentionDays"
          idPrefix="settings-"
          label="Keep declined and spam contributions for (days)"
          type="number"
          min={1}
          max={3650}
          defaultValue={shown.contributionRetentionDays ?? String(values.contributionRetentionDays)}
          errors={errors.contributionRetentionDays}
          hint="Then they are deleted with their replies and mail copies. Default 90."
        />
      </fieldset>

      <fieldset className="panel">
        <legend>Scheduling</legend>
        <TextField
          name="timeZone"
          idPrefix="settings-"
          label="Publication time zone"
          defaultValue={shown.timeZone ?? values.timeZone}
          errors={errors.timeZone}
          hint="Scheduled publication times are typed and shown in this zone, with UTC beside. An IANA name such as Europe/Vienna; default UTC."
        />
      </fieldset>

      <TemplateRows initial={rows} errors={errors} templateIsDefault={templateIsDefault && !typed} />

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}

/** The section template: rows of title and accepted kind; add, remove, move up and down. */
function TemplateRows({
  initial,
  errors,
  templateIsDefault,
}: {
  initial: { title: string; acceptsKind: string }[];
  errors: Record<string, string[]>;
  templateIsDefault: boolean;
}) {
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<Row[]>(() => initial.map((r, i) => ({ key: i, ...r })));
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);

  // Typed values live in the inputs (uncontrolled); read them back before rows are moved or dropped.
  const listRef = useRef<HTMLOListElement>(null);
  const current = (): Row[] =>
    rows.map((row) => {
      const title =
        listRef.current?.querySelector<HTMLInputElement>(`[data-row="${row.key}"][data-part="title"]`)?.value ??
        row.title;
      const acceptsKind =
        listRef.current?.querySelector<HTMLSelectElement>(`[data-row="${row.key}"][data-part="kind"]`)?.value ??
        row.acceptsKind;
      return { ...row, title, acceptsKind };
    });

  function move(index: number, direction: -1 | 1) {
    const list = current();
    const target = index + direction;
    const label = list[index]!.title || `Row ${index + 1}`;
    focusAfter.current = `template-${list[index]!.key}-${direction < 0 ? 'up' : 'down'}`;
    if (target < 0 || target >= list.length) {
      setAnnouncement(`${label} is already ${direction < 0 ? 'first' : 'last'}.`);
      return;
    }
    [list[index], list[target]] = [list[target]!, list[index]!];
    setRows(list);
    setAnnouncement(`${label} moved to position ${target + 1} of ${list.length}.`);
    requestAnimationFrame(() => focusAfter.current && document.getElementById(focusAfter.current)?.focus());
  }

  const listError = errors.sectionTemplate;
  return (
    <fieldset className="panel" aria-describedby={listError ? 'template-error' : 'template-hint'}>
      <legend>Section template</legend>
      <p className="field__hint" id="template-hint">
        Every new issue starts with these sections, in this order. Existing issues keep their own.
        {templateIsDefault && ' Nothing is saved yet: these are the built-in sections.'}
      </p>
      {listError && (
        <p className="field__error" id="template-error">
          {listError.join(' ')}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ol className="template-rows" ref={listRef}>
        {rows.map((row, index) => {
          const titleErrors = errors[`sectionTemplate.${index}.title`];
          const kindErrors = errors[`sectionTemplate.${index}.acceptsKind`];
          const titleId = `template-${row.key}-title`;
          return (
            <li key={row.key} className="template-row">
              <div className={`field${titleErrors ? ' field--invalid' : ''}`}>
                <label htmlFor={titleId}>Section {index + 1} title</label>
                <input
                  id={titleId}
                  name={`sectionTemplate.${index}.title`}
                  defaultValue={row.title}
                  data-row={row.key}
                  data-part="title"
                  aria-invalid={titleErrors ? true : undefined}
                  aria-describedby={titleErrors ? `${titleId}-error` : undefined}
                />
                {titleErrors && (
                  <p className="field__error" id={`${titleId}-error`}>
                    {titleErrors.join(' ')}
                  </p>
                )}
              </div>
              <div className={`field${kindErrors ? ' field--invalid' : ''}`}>
                <label htmlFor={`template-${row.key}-kind`}>Section {index + 1} accepts</label>
                <select
                  id={`template-${row.key}-kind`}
                  name={`sectionTemplate.${index}.acceptsKind`}
                  defaultValue={row.acceptsKind}
                  data-row={row.key}
                  data-part="kind"
                >
                  {acceptsKindOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {kindErrors && <p className="field__error">{kindErrors.join(' ')}</p>}
              </div>
              <div className="row-actions template-row__actions">
                <button
                  type="button"
                  id={`template-${row.key}-up`}
                  className="button button--small button--quiet"
                  aria-disabled={index === 0 || undefined}
                  aria-label={`Move section ${index + 1} up`}
                  onClick={() => move(index, -1)}
                >
                  Move up
                </button>
                <button
                  type="button"
                  id={`template-${row.key}-down`}
                  className="button button--small button--quiet"
                  aria-disabled={index === rows.length - 1 || undefined}
                  aria-label={`Move section ${index + 1} down`}
                  onClick={() => move(index, 1)}
                >
                  Move down
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={`Remove section ${index + 1} from the template`}
                  onClick={() => {
                    const list = current();
                    const [removed] = list.splice(index, 1);
                    setRows(list);
                    setAnnouncement(`${removed?.title || `Row ${index + 1}`} removed from the template.`);
                  }}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => {
          const key = nextKey.current++;
          setRows([...current(), { key, title: '', acceptsKind: '' }]);
          requestAnimationFrame(() => document.getElementById(`template-${key}-title`)?.focus());
        }}
      >
        Add a section to the template
      </button>
    </fieldset>
  );
}
