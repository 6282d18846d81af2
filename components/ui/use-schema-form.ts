'use client';

import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ActionState } from '@/lib/actions/action';
import { parseWith, type FieldErrors } from '@/lib/validation/field-errors';
import { useErrorVisibility } from '@/components/ui/use-error-visibility';

/**
 * Instant, all-at-once field errors from the entity's one zod schema, the same the server action
 * parses with:
 *  - leaving a field checks the whole form and shows, next to them, the errors of the fields already
 *    visited (a cross-field rule such as "ends before it starts" shows once both dates were visited);
 *  - typing in a form that shows errors re-checks it, so a fixed field clears at once;
 *  - submitting checks everything: with errors, nothing is sent, every error shows, and focus goes to
 *    the summary at the top; otherwise the server action runs and its answer (same schema, plus the
 *    policy) replaces the browser's.
 * Nothing typed is lost: a refused submit never leaves the page, and after a server refusal the form is
 * drawn again with the values it sent (`formKey`, `values`).
 *
 * A public page passes a loader (`() => import('@/lib/validation/x').then((m) => m.xSchema)`) instead
 * of the schema, so zod stays out of its first load (the public JavaScript budget, e2e/public/js-budget):
 * the schema is fetched when the visitor first focuses a field (`onFocus`). Until it has arrived the
 * browser checks nothing and a submit goes to the server, which answers with the same errors.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S | (() => Promise<S>), state: ActionState) {
  const formRef = useRef<HTMLFormElement>(null);
  const loaded = useRef<S | null>(typeof schema === 'function' ? null : schema);
  const loading = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;
  // Browser errors belong to the server answer they were computed after; a new answer takes over.
  const [client, setClient] = useState<{ after: ActionState; errors: FieldErrors } | null>(null);
  const shown = useErrorVisibility();
  const everything = shown.submitted || failed !== null;
  const errors: FieldErrors = client && client.after === state ? client.errors : (failed?.fieldErrors ?? {});

  function check(seen: ReadonlySet<string> | 'all'): FieldErrors {
    const form = formRef.current;
    if (!form) return {};
    const input: Record<string, string> = {};
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') input[key] = value;
    if (!loaded.current) return {};
    const parsed = parseWith(loaded.current, input);
    if (parsed.ok) return {};
    return seen === 'all' ? parsed.fieldErrors : shown.visible(parsed.fieldErrors, { all: everything, seen });
  }

  // A server refusal: point at the summary (the form was drawn again, focus went with the old one).
  useEffect(() => {
    if (failed) summaryRef.current?.focus();
  }, [failed]);

  const handlers = {
    /** Starts fetching a lazily loaded schema (a no-op when the schema was passed as is). */
    onFocus() {
      if (loaded.current || loading.current || typeof schema !== 'function') return;
      loading.current = true;
      schema().then(
        (s) => (loaded.current = s),
        () => (loading.current = false), // offline: try again on the next focus; the server still checks
      );
    },
    onBlur(event: FocusEvent<HTMLFormElement>) {
      // Leaving a field for the submit button: the submit checks everything anyway, and an error drawn
      // now would move the button away from under the pointer before the click lands.
      const next = event.relatedTarget as HTMLElement | null;
      if (next && next.getAttribute('type') === 'submit' && event.currentTarget.contains(next)) return;
      const name = (event.target as unknown as { name?: unknown }).name;
      if (typeof name !== 'string') return;
      if (name === '') return;
      setClient({ after: state, errors: check(shown.visit(name)) });
    },
    onChange() {
      if (Object.keys(errors).length > 0) setClient({ after: state, errors: check(shown.visited) });
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const all = check('all');
      if (Object.keys(all).length === 0) return;
      event.preventDefault();
      shown.showAll();
      setClient({ after: state, errors: all });
      // After React has drawn the summary.
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  };

  return {
    formRef,
    summaryRef,
    errors,
    /** What was typed, after a server refusal. */
    values: failed?.values ?? null,
    /** Redraws the form (with `values` as defaults) after each server refusal. */
    formKey: failed ? `failed:${JSON.stringify(failed.values)}` : 'form',
    /** The summary at the top belongs to a submit: while typing, errors show next to their fields only. */
    showSummary: everything,
    /**
     * Everything the <form> element needs, to spread on it: `<form {...formProps} key={formKey}
     * action={formAction}>` (the key is not in it: React wants a key written out).
     */
    formProps: { ref: formRef, noValidate: true, ...handlers },
  };
}
