'use client';

import { useCallback, useState } from 'react';
import type { FieldErrors } from '@/lib/validation/field-errors';

/** The field a dotted error key belongs to: "sources" for "sources.2.url". */
export const topField = (key: string): string => key.split('.')[0] ?? '';

/**
 * Which of a form's field errors show: a field's once the person has left it, every one once they
 * tried to submit (or save). Keys are dotted paths ("sources.2.url"); leaving a field counts for all
 * of it ("sources"). Shared by useSchemaForm (forms posted as FormData) and the item editor (a form
 * kept in state): they compute their errors differently, and show them alike.
 */
export function useErrorVisibility() {
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const showAll = useCallback(() => setSubmitted(true), []);
  return {
    visited,
    submitted,
    showAll,
    /** Marks a field as left. Answers the new set, for checking at once (React re-renders later). */
    visit(field: string): ReadonlySet<string> {
      setVisited((seen) => (seen.has(field) ? seen : new Set(seen).add(field)));
      return visited.has(field) ? visited : new Set(visited).add(field);
    },
    /** The errors to show now (`all`: as after a submit; `seen`: the fields left so far). */
    visible(
      errors: FieldErrors,
      { all = submitted, seen = visited }: { all?: boolean; seen?: ReadonlySet<string> } = {},
    ) {
      return Object.fromEntries(Object.entries(errors).filter(([key]) => all || seen.has(topField(key))));
    },
  };
}
