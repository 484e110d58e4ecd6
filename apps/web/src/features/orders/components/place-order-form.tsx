import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Order, PlaceOrderBody } from '@mini-ecommerce/domain';
import { FormError } from '../../../components/ui/status';
import { errorMessage, stockShortages } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { usePlaceOrder } from '../api/place-order';

/**
 * One checkout attempt. The idempotency key lives as long as this form: a double
 * click or a retry after a lost response sends the same key, so the server places
 * one order. Render it with `key={cartVersion}` so a changed cart is a new attempt.
 */
export function PlaceOrderForm({
  disabled,
  onPlaced,
  delivery,
  children,
}: {
  disabled: boolean;
  onPlaced: (order: Order) => void;
  /** The delivery address part of the request, read when the shopper places the order. */
  delivery: () => Promise<PlaceOrderBody>;
  /** The delivery address fields, inside this form. */
  children?: ReactNode;
}) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const placeOrder = usePlaceOrder();
  const shortages = stockShortages(placeOrder.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (placeOrder.isPending) return;
    placeOrder.mutate({ idempotencyKey, delivery }, { onSuccess: onPlaced });
  }

  return (
    <form className="place-order" onSubmit={submit} noValidate>
      {children}
      {shortages ? (
        <div className="notice notice--warning" role="alert">
          <p>
            <strong>Some items ran out before we could place your order.</strong>
          </p>
          {shortages.length > 0 ? (
            <ul>
              {shortages.map((s) => (
                <li key={s.productId}>
                  {s.name}: you asked for {s.requested},{' '}
                  {s.available === 0
                    ? 'none are'
                    : `only ${s.available} ${s.available === 1 ? 'is' : 'are'}`}{' '}
                  left.
                </li>
              ))}
            </ul>
          ) : (
            <p>{errorMessage(placeOrder.error)}</p>
          )}
          <p>
            <Link to="/cart">Update your cart</Link> and try again.
          </p>
        </div>
      ) : (
        <FormError error={placeOrder.error} />
      )}
      <button
        type="submit"
        className="button button--large"
        disabled={disabled || placeOrder.isPending}
        aria-disabled={placeOrder.isPending || undefined}
      >
        {placeOrder.isPending ? 'Placing your order…' : 'Place order'}
      </button>
    </form>
  );
}
