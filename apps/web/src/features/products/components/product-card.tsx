import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { ProductImage } from '../../../components/ui/product-image';
import { formatMoney } from '../../../lib/money';
import { StockLabel } from './stock-label';

/**
 * `action` is the slot for the "Add to cart" control, composed by the route. The name is said
 * once: the image is decorative here (the heading names the product), and the whole card is the
 * link's click target through the stretched link in CSS.
 */
export function ProductCard({
  product,
  action,
  priority = false,
}: {
  product: Product;
  action?: ReactNode;
  priority?: boolean;
}) {
  return (
    <article className="product-card" aria-labelledby={`product-${product.productId}`}>
      <ProductImage src={product.imageUrl} alt="" priority={priority} />
      <div className="product-card__body">
        <h2 className="product-card__name" id={`product-${product.productId}`}>
          <Link to={`/products/${encodeURIComponent(product.productId)}`}>{product.name}</Link>
        </h2>
        <p className="product-card__meta">
          <span className="product-card__price">
            {formatMoney(product.price, product.currency)}
          </span>
          <StockLabel stock={product.stock} />
        </p>
        {action}
      </div>
    </article>
  );
}

/**
 * The room of a card that is not mounted yet (product-list.tsx mounts a page a few cards per
 * task): the card's own boxes, empty and invisible, so the rows, the "Load more" button and the
 * footer are where they will stay when the card arrives.
 */
export function ProductCardPlaceholder() {
  return (
    <div className="product-card product-card--pending" aria-hidden="true">
      <div className="product-image product-image--card" />
      <div className="product-card__body">
        <p className="product-card__name" />
        <p className="product-card__meta" />
        <div className="add-to-cart">
          <span className="button">&nbsp;</span>
        </div>
      </div>
    </div>
  );
}
