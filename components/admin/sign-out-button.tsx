import { signOutAction } from '@/app/admin/sign-out-action';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button--small button--on-dark">
        Sign out
      </button>
    </form>
  );
}
