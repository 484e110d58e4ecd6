import { NavLink } from 'react-router';
import { useSession } from '../../../lib/session';
import { useAccountCartCount } from '../stores/account-cart-count';
import { useGuestCartLines } from '../stores/guest-cart';

/** Part of the initial bundle, so it reads small stores rather than the query cache. */
export function CartLink() {
  const signedIn = useSession() !== null;
  const guestLines = useGuestCartLines();
  const accountCount = useAccountCartCount();
  const count = signedIn ? accountCount : guestLines.reduce((sum, line) => sum + line.quantity, 0);
  const label = count === null ? 'Cart' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
  return (
    <NavLink to="/cart" className="cart-link" aria-label={label}>
      Cart{' '}
      {count === null ? null : (
        <span className="badge" aria-hidden="true">
          {count}
        </span>
      )}
    </NavLink>
  );
}
