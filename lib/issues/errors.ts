import { ValidationError } from '@/lib/errors';
import type { Blocker } from './readiness';

/**
 * Publishing refused because the readiness check lists blockers. A ValidationError (so a server
 * action's generic handling shows the messages under "") that also carries the blockers, each with
 * its fix link, for the readiness panel.
 */
export class IssueNotReadyError extends ValidationError {
  constructor(readonly blockers: Blocker[]) {
    super(
      { '': blockers.map((b) => b.message) },
      blockers.length === 1
        ? 'One thing blocks publishing this issue.'
        : `${blockers.length} things block publishing this issue.`,
    );
    this.name = 'IssueNotReadyError';
  }
}
