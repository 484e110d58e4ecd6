import { NavLink } from 'react-router';
import { countItems } from '../../../lib/count-items';
import { useSession } from '../../../lib/session';
import { useAccountCartCount } from '../stores/account-cart-count';
import { useGuestCartLines } from '../stores/guest-cart';

/** Part of the initial bundle, so it reads small stores rather than the query cache. */
export function CartLink() {
  const signedIn = useSession() !== null;
  const guestLines = useGuestCartLines();
  const accountCount = useAccountCartCount();
  const count = signedIn ? accountCount : countItems(guestLines);
  const label = count === null ? 'Cart' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
  return (
    <NavLink to="/cart" className="cart-link" aria-label={label}>
      <svg className="cart-link__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2" />
        <circle cx="9.5" cy="19" r="1.3" />
        <circle cx="16.5" cy="19" r="1.3" />
      </svg>
      Cart{' '}
      {count === null ? null : (
        <span className="badge" aria-hidden="true">
          {count}
        </span>
      )}
    </NavLink>
  );
}
