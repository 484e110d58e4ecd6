import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { PageHeading } from '../../../components/ui/page-heading';
import { Notice, QueryStatus } from '../../../components/ui/status';
import { useDeleteProduct } from '../../../features/products/api/delete-product';
import { useProduct } from '../../../features/products/api/get-product';
import { useUpdateProduct } from '../../../features/products/api/update-product';
import { ImageUploadForm } from '../../../features/products/components/image-upload-form';
import { ProductForm } from '../../../features/products/components/product-form';
import { errorMessage } from '../../../lib/api-client';

export default function AdminProductEditRoute() {
  const { productId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const product = useProduct(productId);
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  const [confirming, setConfirming] = useState(false);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/products">Products</Link>
      </p>
      <PageHeading title="Edit product">
        {product.data ? `Edit ${product.data.name}` : 'Edit product'}
      </PageHeading>
      {!product.isSuccess ? (
        <QueryStatus
          query={product}
          loadingLabel="Loading product…"
          errorTitle="This product could not be loaded"
        />
      ) : (
        <div className="admin-edit">
          {created && !update.isSuccess ? (
            <Notice tone="success">
              <p>
                Product created.{' '}
                <Link to={`/products/${encodeURIComponent(productId)}`}>View it in the shop</Link>.
              </p>
            </Notice>
          ) : null}
          {update.isSuccess ? (
            <Notice tone="success">
              <p>Changes saved.</p>
            </Notice>
          ) : null}
          <ProductForm
            key={product.data.updatedAt}
            product={product.data}
            submitLabel="Save changes"
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) => {
              const { currency: _currency, ...patch } = input;
              update.mutate({ productId, patch });
            }}
          />
          <ImageUploadForm product={product.data} />
          <section className="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete product</h2>
            <p className="muted">
              Shoppers will no longer see it. Orders that include it keep their copy of its name and
              price.
            </p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete this product
            </button>
            <ConfirmDialog
              open={confirming}
              title={`Delete ${product.data.name}?`}
              confirmLabel="Delete product"
              pendingLabel="Deleting…"
              pending={remove.isPending}
              error={remove.isError ? errorMessage(remove.error) : undefined}
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                remove.mutate(productId, {
                  onSuccess: () => void navigate('/admin/products', { replace: true }),
                })
              }
            >
              <p>This cannot be undone.</p>
            </ConfirmDialog>
          </section>
        </div>
      )}
    </>
  );
}
