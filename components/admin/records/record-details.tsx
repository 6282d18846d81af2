import type { RecordKind, RecordSchema, RecordView } from '@/lib/records/record-kind';

const none = <span className="muted">Not given</span>;

function WebLink({ url }: { url: string }) {
  return (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank">
      {url}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** A record, read-only (for those who may not change it): the kind's details, "Not given" where empty. */
export function RecordDetails<S extends RecordSchema>({
  kind,
  record,
}: {
  kind: RecordKind<S>;
  record: RecordView<S>;
}) {
  return (
    <dl className="record-facts">
      {kind.details.map((row) => {
        const value = row.value(record);
        return [
          <dt key={`${row.label}-term`}>{row.label}</dt>,
          <dd key={`${row.label}-value`}>{value ? row.link ? <WebLink url={value} /> : value : none}</dd>,
        ];
      })}
    </dl>
  );
}
