import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { PageHeading } from '../components/ui/page-heading';
import { useSession } from '../lib/session';

function SignInRedirect() {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
}

/** Pages for signed-in shoppers; a missing or rejected token sends them to sign in and back. */
export function RequireAuth() {
  return useSession() ? <Outlet /> : <SignInRedirect />;
}

export function RequireAdmin() {
  const current = useSession();
  if (!current) return <SignInRedirect />;
  if (current.user.role !== 'admin') {
    return (
      <section className="forbidden">
        <PageHeading title="Access denied">403 · Access denied</PageHeading>
        <p>The admin area is for shop administrators. You are signed in as {current.user.email}.</p>
        <p>
          <Link to="/">Back to the shop</Link>
        </p>
      </section>
    );
  }
  return <Outlet />;
}
