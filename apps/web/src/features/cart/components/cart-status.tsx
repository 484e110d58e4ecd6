import { EmptyWithCatalogLink, QueryStatus } from '../../../components/ui/status';
import type { useCart } from '../hooks/use-cart';

/**
 * What the cart pages show instead of the cart's lines: while it loads, when it could not be read,
 * and when it is empty (`purpose` says what browsing the catalog is for on that page).
 */
export function CartStatus({
  state,
  purpose,
}: {
  state: ReturnType<typeof useCart>;
  purpose: string;
}) {
  if (state.cart && !state.isError) {
    return <EmptyWithCatalogLink title="Your cart is empty." purpose={purpose} />;
  }
  return (
    <QueryStatus
      query={state}
      loadingLabel="Loading your cart…"
      errorTitle="Your cart could not be loaded"
    />
  );
}
