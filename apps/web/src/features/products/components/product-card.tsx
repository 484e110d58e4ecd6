import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { ProductImage } from '../../../components/ui/product-image';
import { formatMoney } from '../../../lib/money';
import { StockLabel } from './stock-label';

/** `action` is the slot for the "Add to cart" control, composed by the route. */
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
      <ProductImage src={product.imageUrl} alt={product.name} priority={priority} />
      <div className="product-card__body">
        <h2 className="product-card__name" id={`product-${product.productId}`}>
          <Link to={`/products/${encodeURIComponent(product.productId)}`}>{product.name}</Link>
        </h2>
        <p className="product-card__price">{formatMoney(product.price, product.currency)}</p>
        <p className="product-card__stock">
          <StockLabel stock={product.stock} />
        </p>
        {action}
      </div>
    </article>
  );
}
