import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { RegisterForm } from '../../features/auth/components/register-form';
import { useMergeGuestCart } from '../../features/cart/api/merge-guest-cart';
import { safeNext } from './safe-next';

export default function RegisterRoute() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const merge = useMergeGuestCart();

  return (
    <div className="auth-page">
      <PageHeading>Create an account</PageHeading>
      <RegisterForm
        onSuccess={async () => {
          await merge.mutateAsync().catch(() => undefined);
          await navigate(next, { replace: true });
        }}
      />
      <p>
        Already have an account?{' '}
        <Link to={`/sign-in${params.has('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
