'use client';

import { useActionState, useState } from 'react';
import { cancelScheduleAction, scheduleIssueAction } from '@/app/admin/issues/actions';
import { FormMessage, TextField } from '@/components/ui/fields';

/** Moments come formatted from the server ("1 Jul 2002, 09:00 UTC"): the browser's Intl may word them differently. */
type Props = {
  issueId: string;
  schedule: { label: string; input: string } | null;
  scheduleError: string | null;
  scheduleFailedAtLabel: string | null;
  /** The publication's time zone (settings): the time is typed in it. */
  timeZone: string;
};

/**
 * Scheduled publishing. The time is typed in the publication's time zone (settings; UTC by default) and
 * shown in it with UTC beside, labelled so: neither the server's nor the browser's zone may change what
 * "09:00" means.
 */
export function ScheduleControls({
  issueId,
  schedule: current,
  scheduleError,
  scheduleFailedAtLabel,
  timeZone,
}: Props) {
  const [scheduleState, schedule, scheduling] = useActionState(scheduleIssueAction, null);
  const [cancelState, cancel, cancelling] = useActionState(cancelScheduleAction, null);
  const [last, setLast] = useState<'schedule' | 'cancel' | null>(null);
  const outcome = last === 'schedule' ? scheduleState : last === 'cancel' ? cancelState : null;
  const failed = scheduleState && !scheduleState.ok ? scheduleState : null;

  return (
    <div className="schedule" aria-labelledby="schedule-heading" role="group">
      <h3 id="schedule-heading">Scheduled publication</h3>
      {scheduleError && (
        <div className="form-message form-message--error" data-testid="schedule-failure">
          <p>
            <strong>The scheduled publication{current ? ` at ${current.label}` : ''} did not happen</strong>
            {scheduleFailedAtLabel ? ` (checked ${scheduleFailedAtLabel})` : ''}.
          </p>
          <p>{scheduleError}</p>
          <p>Fix what is listed, then publish now or schedule again.</p>
        </div>
      )}
      <p data-testid="schedule-status">
        {current && !scheduleError ? (
          <>
            Publishes automatically at <strong>{current.label}</strong>, whether or not anyone is signed in.
          </>
        ) : current ? null : (
          'Not scheduled.'
        )}
      </p>
      {outcome && <FormMessage state={outcome} />}
      <form
        action={schedule}
        onSubmit={() => setLast('schedule')}
        noValidate
        key={failed ? JSON.stringify(failed.values) : (current?.input ?? 'none')}
      >
        <input type="hidden" name="issueId" value={issueId} readOnly />
        <TextField
          name="at"
          idPrefix="schedule-"
          label={timeZone === 'UTC' ? 'Publish at (UTC)' : `Publish at (${timeZone} time)`}
          type="datetime-local"
          defaultValue={failed?.values.at ?? current?.input ?? ''}
          errors={failed?.fieldErrors.at}
          hint={
            timeZone === 'UTC' ? (
              <>Date and time in UTC (Coordinated Universal Time), not your local time.</>
            ) : (
              <>Date and time in {timeZone}, the publication’s time zone (Settings), not your own.</>
            )
          }
        />
        <div className="row-actions">
          <button type="submit" className="button button--quiet" disabled={scheduling}>
            {scheduling ? 'Scheduling…' : current ? 'Change schedule' : 'Schedule'}
          </button>
        </div>
      </form>
      {current && (
        <form action={cancel} onSubmit={() => setLast('cancel')} className="schedule__cancel">
          <input type="hidden" name="issueId" value={issueId} readOnly />
          <button type="submit" className="button button--quiet button--small" disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel schedule'}
          </button>
        </form>
      )}
    </div>
  );
}
