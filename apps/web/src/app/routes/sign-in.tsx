import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { Notice } from '../../components/ui/status';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useMergeGuestCart } from '../../features/cart/api/merge-guest-cart';
import { session } from '../../lib/session';
import { safeNext } from './safe-next';

export default function SignInRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const merge = useMergeGuestCart();
  const expired = params.has('next') && session.reason() === 'expired';

  return (
    <div className="auth-page">
      <PageHeading>Sign in</PageHeading>
      {expired ? (
        <Notice tone="warning">
          <p>Your session has ended. Sign in again to continue.</p>
        </Notice>
      ) : params.has('next') ? (
        <Notice>
          <p>Sign in to continue.</p>
        </Notice>
      ) : null}
      <SignInForm
        onSuccess={async () => {
          // A failed merge leaves the guest cart in place; the shopper can still carry on.
          await merge.mutateAsync().catch(() => undefined);
          await navigate(next, { replace: true });
        }}
      />
      <p>
        New here?{' '}
        <Link to={`/register${params.has('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
