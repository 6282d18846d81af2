'use client';

import { useSyncExternalStore } from 'react';
import { formatLocalTime } from '@/lib/format/dates';

export { formatLocalTime };

const subscribe = () => () => {};

/** False while rendering on the server and hydrating, true afterwards: for text that depends on the reader's clock. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function LocalTime({ date }: { date: Date }) {
  const mounted = useMounted();
  return <time dateTime={date.toISOString()}>{formatLocalTime(date, mounted)}</time>;
}
