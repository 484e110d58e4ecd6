import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { EmptyState } from '../../components/ui/status';
import { AddToCartButton } from '../../features/cart/components/add-to-cart-button';
import { SearchResults } from '../../features/products/components/search-results';

export default function SearchRoute() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  if (!q) {
    return (
      <div className="catalog">
        <PageHeading>Search</PageHeading>
        <EmptyState title="Type a word in the search box to find products." />
      </div>
    );
  }
  return (
    <div className="catalog">
      <PageHeading title={`Search: ${q}`}>Results for “{q}”</PageHeading>
      <section className="catalog__products" aria-label="Search results">
        <SearchResults
          key={q}
          q={q}
          renderAction={(product) => <AddToCartButton product={product} />}
        />
      </section>
    </div>
  );
}
