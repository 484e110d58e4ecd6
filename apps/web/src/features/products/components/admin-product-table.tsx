import { useState } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { errorMessage } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/money';
import { useProducts } from '../api/get-products';
import { useUpdateProduct } from '../api/update-product';
import { LoadMore } from '../../../components/ui/load-more';

function StockEditor({ product }: { product: Product }) {
  const [stock, setStock] = useState(String(product.stock));
  const update = useUpdateProduct();
  const valid = /^\d+$/.test(stock) && Number(stock) <= 1_000_000;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) update.mutate({ productId: product.productId, patch: { stock: Number(stock) } });
      }}
    >
      <label className="visually-hidden" htmlFor={`stock-${product.productId}`}>
        Stock of {product.name}
      </label>
      <input
        id={`stock-${product.productId}`}
        className="input--narrow"
        inputMode="numeric"
        value={stock}
        aria-invalid={valid ? undefined : true}
        onChange={(event) => setStock(event.target.value)}
      />
      <button
        type="submit"
        className="button button--small"
        disabled={!valid || update.isPending || Number(stock) === product.stock}
        aria-label={`Set stock of ${product.name}`}
      >
        Set
      </button>
      {update.isError ? (
        <span role="alert" className="form__error">
          {errorMessage(update.error)}
        </span>
      ) : null}
    </form>
  );
}

export function AdminProductTable() {
  const products = useProducts({ limit: 50 });
  if (products.isPending) return <Loading label="Loading products…" />;
  if (products.isError)
    return (
      <ErrorMessage
        error={products.error}
        title="Products could not be loaded"
        onRetry={() => void products.refetch()}
      />
    );
  const items = products.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title="No products yet." />;
  return (
    <>
      <div className="table-wrap">
        <table className="table table--wide">
          <caption className="visually-hidden">Products</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">Price</th>
              <th scope="col">Stock</th>
            </tr>
          </thead>
          <tbody>
            {items.map((product) => (
              <tr key={product.productId}>
                <th scope="row">
                  <Link to={`/admin/products/${encodeURIComponent(product.productId)}`}>
                    {product.name}
                  </Link>
                </th>
                <td>{product.category}</td>
                <td className="nowrap">{formatMoney(product.price, product.currency)}</td>
                <td>
                  <StockEditor key={product.stock} product={product} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore pages={products} label="Load more products" />
    </>
  );
}
