import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { ErrorMessage, Loading } from '../../components/ui/status';
import { AddToCartButton } from '../../features/cart/components/add-to-cart-button';
import { useProduct } from '../../features/products/api/get-product';
import { ProductDetails } from '../../features/products/components/product-details';
import { ApiError } from '../../lib/api-client';

export default function ProductRoute() {
  const { productId = '' } = useParams();
  const product = useProduct(productId);
  if (product.isPending) return <Loading label="Loading product…" />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return (
        <>
          <PageHeading>Product not found</PageHeading>
          <p>This product does not exist or is no longer sold.</p>
          <p>
            <Link to="/">Browse the catalog</Link>
          </p>
        </>
      );
    }
    return (
      <ErrorMessage
        error={product.error}
        title="This product could not be loaded"
        onRetry={() => void product.refetch()}
      />
    );
  }
  return (
    <ProductDetails product={product.data} action={<AddToCartButton product={product.data} />} />
  );
}
