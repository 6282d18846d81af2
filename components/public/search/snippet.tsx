import type { HeadlineSegment } from '@/lib/search/headline';

/** A search snippet: its text rendered as text (React escapes it), the matched words in <mark>. */
export function Snippet({ segments, className }: { segments: HeadlineSegment[]; className?: string }) {
  if (segments.length === 0) return null;
  return <p className={className}>{segments.map((s, i) => (s.highlight ? <mark key={i}>{s.text}</mark> : s.text))}</p>;
}
