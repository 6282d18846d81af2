'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False while rendering on the server and hydrating, true afterwards: for text that depends on the reader's clock. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "10:42" today, "3 Dec 2026, 10:42" otherwise, in the reader's time zone once in the browser (UTC before). */
export function formatLocalTime(date: Date, mounted: boolean): string {
  const timeZone = mounted ? undefined : 'UTC';
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const suffix = mounted ? '' : ' UTC';
  if (mounted && sameDay(date, new Date())) return time;
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return `${day}, ${time}${suffix}`;
}

export function LocalTime({ date }: { date: Date }) {
  const mounted = useMounted();
  return <time dateTime={date.toISOString()}>{formatLocalTime(date, mounted)}</time>;
}
