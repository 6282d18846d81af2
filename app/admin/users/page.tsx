import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/authz/policy';
import { listUsers, type UserListEntry } from '@/lib/accounts/list-users';
import { smtpConfigured } from '@/lib/mail/send-mail';
import { formatUtc } from '@/lib/format/dates';
import { roleLabel, userStatusLabel } from '@/lib/format/labels';
import { InviteForm } from '@/components/admin/users/invite-form';
import { RoleForm, UserRowActions, type UserRowDto } from '@/components/admin/users/user-row-actions';

export const metadata: Metadata = { title: 'People' };

function StatusCell({ user }: { user: UserListEntry }) {
  const badge = <span className={`badge badge--${user.status.toLowerCase()}`}>{userStatusLabel[user.status]}</span>;
  if (user.status !== 'INVITED') return badge;
  const line = {
    open: user.invitation.expiresAt ? `Link valid until ${formatUtc(user.invitation.expiresAt)}` : '',
    expired: 'Invitation expired',
    revoked: 'Invitation revoked',
    none: 'No invitation link',
  }[user.invitation.state];
  return (
    <>
      {badge}
      <span className="accounts__email">{line}</span>
    </>
  );
}

export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const users = await listUsers({ actor });
  return (
    <>
      <h1>People</h1>
      <p className="bo-lede">Everyone who works on the bulletin, and what they may do.</p>

      <section className="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <InviteForm smtp={smtpConfigured()} />
      </section>

      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">Accounts</h2>
        <div className="table-wrap">
          <table className="accounts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const dto: UserRowDto = {
                  id: u.id,
                  name: u.name,
                  role: u.role,
                  status: u.status,
                  isSelf: u.id === actor.id,
                  twoFactor: u.twoFactor,
                };
                return (
                  <tr key={u.id} data-email={u.email}>
                    <th scope="row">
                      {u.name}
                      {dto.isSelf && ' (you)'}
                      <span className="accounts__email">{u.email}</span>
                    </th>
                    <td>{dto.isSelf || u.status === 'DEACTIVATED' ? roleLabel[u.role] : <RoleForm user={dto} />}</td>
                    <td>
                      <StatusCell user={u} />
                    </td>
                    <td>{u.lastSignInAt ? formatUtc(u.lastSignInAt) : <span className="muted">Never</span>}</td>
                    <td>
                      <UserRowActions user={dto} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
