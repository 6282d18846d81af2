import type { Metadata } from 'next';
import { ContributeForm } from '@/components/public/contribute-form';
import { issueFormToken } from '@/lib/contributions/form-token';
import { submitContributionAction } from './actions';

// Rendered per request: it is made for one visitor (or reads the query string), never cached.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Information Exchange: send us news' };

export default async function ContributePage() {
  return (
    <article className="contribute">
      <h1>Information Exchange</h1>
      <p className="contribute__lede">
        Send the editors news on migrant trafficking (its magnitude, new incidents, trends and policies), a meeting or
        conference, a new publication, commentary, or a résumé for the Networking column. An editor reads every message;
        what is used appears in a coming issue of the bulletin.
      </p>
      <ContributeForm action={submitContributionAction} formToken={issueFormToken()} />
    </article>
  );
}
