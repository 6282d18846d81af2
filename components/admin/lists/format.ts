const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "12 Mar 2026, 14:05 UTC": back-office timestamps, the same for everyone whatever the server's zone. */
export function formatWhen(date: Date): string {
  return `${when.format(date)} UTC`;
}

/** "1 item", "3 open notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
