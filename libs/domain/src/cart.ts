import { z } from 'zod';
import { Id } from './common';
import { Currency } from './money';
import { Product } from './product';
import { MAX_CART_QUANTITY } from './rules/limits';
import { priceCart, type PricedProduct } from './rules/pricing';

export const Quantity = z.number().int().min(1).max(MAX_CART_QUANTITY);

export const CartItem = z.object({ productId: Id, quantity: Quantity });
export type CartItem = z.infer<typeof CartItem>;

export const SetCartItemBody = z.strictObject({ quantity: Quantity });
export const CartItemParams = z.object({ productId: Id });

export const CartLine = z.object({ productId: Id, quantity: Quantity, product: Product });
export type CartLine = z.infer<typeof CartLine>;

export const Cart = z.object({
  items: z.array(CartLine),
  subtotal: z.number().int().min(0),
  currency: Currency,
});
export type Cart = z.infer<typeof Cart>;

/** The cart's subtotal (see priceCart for lines, currency and shortages). */
export function cartSubtotal(
  lines: readonly { quantity: number; product: PricedProduct }[],
): number {
  return priceCart(lines).subtotal;
}
