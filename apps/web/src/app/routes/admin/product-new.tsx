import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { useCreateProduct } from '../../../features/products/api/create-product';
import { ProductForm } from '../../../features/products/components/product-form';

export default function AdminProductNewRoute() {
  const create = useCreateProduct();
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/products">Products</Link>
      </p>
      <PageHeading>New product</PageHeading>
      <ProductForm
        submitLabel="Create product"
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) =>
          create.mutate(input, {
            onSuccess: (product) =>
              void navigate(`/admin/products/${encodeURIComponent(product.productId)}`, {
                state: { created: true },
              }),
          })
        }
      />
    </>
  );
}
