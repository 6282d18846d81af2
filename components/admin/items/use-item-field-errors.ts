'use client';

import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { ItemKind } from '@/generated/prisma/enums';
import { parseWith, type FieldErrors } from '@/lib/validation/field-errors';
import { itemSchema } from '@/lib/validation/item';
import { useErrorVisibility } from '@/components/ui/use-error-visibility';
import { payloadOf, sameField, type FormField, type FormValues } from './item-form-values';

const FIELD_OF_KEY: Record<string, FormField> = { meetingId: 'meeting', publicationId: 'publication' };
const FORM_FIELD_KEYS: readonly string[] = ['title', 'slug', 'standfirst', 'body', 'tags', 'sources'];

/** The form field an error key ("sources.2.url", "meetingId") is about; null for the whole form. */
function fieldOfKey(key: string): FormField | null {
  const top = key.split('.')[0] ?? '';
  return FIELD_OF_KEY[top] ?? (FORM_FIELD_KEYS.includes(top) ? (top as FormField) : null);
}

/**
 * The item form's field errors, next to their fields: the item schema's (the one the server parses
 * with), checked on every change and shown once a field was left or a save was tried; and the
 * server's last refusal (a slug taken in the bulletin issue), shown until its field changes. After an
 * explicit save that was refused, focus goes to the first field in error in `formRef`.
 */
export function useItemFieldErrors(kind: ItemKind, values: FormValues, formRef: RefObject<HTMLFormElement | null>) {
  const shown = useErrorVisibility();
  const [server, setServer] = useState<{ errors: FieldErrors; forValues: FormValues } | null>(null);
  const [focusRequests, setFocusRequests] = useState(0);

  const client = useMemo(() => {
    const checked = parseWith(itemSchema, payloadOf(kind, values));
    return checked.ok ? {} : checked.fieldErrors;
  }, [kind, values]);
  const visible = shown.visible(client);

  // After React has drawn the errors.
  useEffect(() => {
    if (focusRequests > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequests, formRef]);

  return {
    errorsFor(key: string): string[] | undefined {
      const field = fieldOfKey(key);
      const fromServer =
        server && (field === null || sameField(values, server.forValues, field)) ? (server.errors[key] ?? []) : [];
      const all = [...new Set([...(visible[key] ?? []), ...fromServer])];
      return all.length ? all : undefined;
    },
    /** The server's errors about the whole form (none of the fields). */
    formErrors: server?.errors['']?.length ? server.errors[''] : undefined,
    touch: (field: string) => void shown.visit(field),
    /**
     * A save was refused as invalid (by the browser's check: no `errors`; or by the server, about
     * `forValues`): every error shows from now on, and after an explicit save focus goes to the first.
     */
    refused(errors: FieldErrors | null, forValues: FormValues, focus: boolean) {
      if (errors) setServer({ errors, forValues });
      shown.showAll();
      if (focus) setFocusRequests((n) => n + 1);
    },
    clearServer: () => setServer(null),
  };
}

export type ItemFieldErrors = ReturnType<typeof useItemFieldErrors>;
