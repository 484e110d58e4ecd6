import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { ErrorMessage, Loading, Notice } from '../../../components/ui/status';
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
      {product.isPending ? (
        <Loading label="Loading product…" />
      ) : product.isError ? (
        <ErrorMessage
          error={product.error}
          title="This product could not be loaded"
          onRetry={() => void product.refetch()}
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
            {confirming ? (
              <p className="actions">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={remove.isPending}
                  autoFocus
                  onClick={() =>
                    remove.mutate(productId, {
                      onSuccess: () => void navigate('/admin/products', { replace: true }),
                    })
                  }
                >
                  {remove.isPending ? 'Deleting…' : `Yes, delete ${product.data.name}`}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  Cancel
                </button>
              </p>
            ) : (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setConfirming(true)}
              >
                Delete this product
              </button>
            )}
            {remove.isError ? (
              <p className="form__error" role="alert">
                {errorMessage(remove.error)}
              </p>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
