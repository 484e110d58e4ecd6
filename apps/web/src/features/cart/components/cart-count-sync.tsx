import { useEffect } from 'react';
import { countItems } from '../../../lib/count-items';
import { useSession } from '../../../lib/session';
import { useAccountCart } from '../api/get-cart';
import { accountCartCount } from '../stores/account-cart-count';

/** Keeps the header's item count in step with the account cart; renders nothing. */
export function CartCountSync() {
  const signedIn = useSession() !== null;
  const cart = useAccountCart({ enabled: signedIn });
  const count = signedIn && cart.data ? countItems(cart.data.items) : null;
  useEffect(() => {
    accountCartCount.set(count);
  }, [count]);
  return null;
}
