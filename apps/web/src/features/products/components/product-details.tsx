import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProductImage } from '../../../components/ui/product-image';
import { formatMoney } from '../../../lib/money';
import { categoryHref } from './category-nav';
import { StockLabel } from './stock-label';

export function ProductDetails({ product, action }: { product: Product; action?: ReactNode }) {
  return (
    <article className="product-details">
      <ProductImage src={product.imageUrl} alt={product.name} size="large" priority />
      <div className="product-details__info">
        <p className="breadcrumb">
          <Link to={categoryHref(product.category)}>{product.category}</Link>
        </p>
        <PageHeading>{product.name}</PageHeading>
        <p className="product-details__price">{formatMoney(product.price, product.currency)}</p>
        <p className="product-details__stock">
          <StockLabel stock={product.stock} showInStock />
        </p>
        {action}
        {product.description ? (
          <p className="product-details__description">{product.description}</p>
        ) : null}
      </div>
    </article>
  );
}
