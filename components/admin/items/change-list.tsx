import type { FieldChange, TextPart } from '@/lib/content/items/diff-snapshots';

/**
 * Field-by-field changes (lib/content/items/diff-snapshots.ts), as the conflict view and the history
 * compare show them: inserted words in <ins>, deleted words in <del>. Not colour alone: <ins> is
 * underlined, <del> struck through, and screen readers hear "inserted" and "deleted" (item-desk.css).
 * No hooks: renders on the server (history) and in the browser (conflict view).
 */
export function TextDiff({ parts }: { parts: TextPart[] }) {
  return (
    <span className="diff-text">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </span>
  );
}

function ChangeBody({ change }: { change: FieldChange }) {
  switch (change.type) {
    case 'text':
      return change.formattingOnly ? (
        <p className="muted">
          Only the formatting changed (bold, italic, links, lists or headings); the words are the same.
        </p>
      ) : (
        <TextDiff parts={change.parts} />
      );
    case 'value':
      if (change.before === null)
        return (
          <span>
            Set to <ins>{change.after}</ins>
          </span>
        );
      if (change.after === null)
        return (
          <span>
            Removed <del>{change.before}</del>
          </span>
        );
      return (
        <span>
          <del>{change.before}</del> <span aria-hidden="true">→</span>
          <span className="visually-hidden">changed to</span> <ins>{change.after}</ins>
        </span>
      );
    case 'list':
      return (
        <ul className="diff-list">
          {change.added.map((a) => (
            <li key={`+${a}`}>
              <ins>{a}</ins>
            </li>
          ))}
          {change.removed.map((r) => (
            <li key={`-${r}`}>
              <del>{r}</del>
            </li>
          ))}
          {change.reordered && <li>Order changed</li>}
        </ul>
      );
  }
}

export function ChangeList({
  changes,
  empty = 'No differences.',
  testId,
}: {
  changes: FieldChange[];
  empty?: string;
  testId?: string;
}) {
  if (changes.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {empty}
      </p>
    );
  return (
    <dl className="diff" data-testid={testId}>
      {changes.map((change) => (
        <div key={change.field} className="diff__field" data-field={change.field}>
          <dt>{change.label}</dt>
          <dd>
            <ChangeBody change={change} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
