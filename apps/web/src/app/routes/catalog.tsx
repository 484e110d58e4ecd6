import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { AddToCartButton } from '../../features/cart/components/add-to-cart-button';
import { CategoryNav } from '../../features/products/components/category-nav';
import { ProductGrid } from '../../features/products/components/product-grid';

export default function CatalogRoute() {
  const [params] = useSearchParams();
  const category = params.get('category') || undefined;
  return (
    <div className="catalog">
      <PageHeading title={category}>{category ?? 'All products'}</PageHeading>
      <CategoryNav active={category} />
      <section className="catalog__products" aria-label="Products">
        <ProductGrid
          key={category ?? ''}
          category={category}
          renderAction={(product) => <AddToCartButton product={product} />}
        />
      </section>
    </div>
  );
}
