import { useState } from 'react';
import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { PagedList } from '../../../components/ui/paged-list';
import { InlineForm } from '../../../components/ui/inline-form';
import { EmptyState } from '../../../components/ui/status';
import { Table } from '../../../components/ui/table';
import { formatMoney } from '../../../lib/money';
import { useProducts } from '../api/get-products';
import { useUpdateProduct } from '../api/update-product';
import { parseStock } from './product-form';
import './admin-product-table.css';

function StockEditor({ product }: { product: Product }) {
  const [stock, setStock] = useState(String(product.stock));
  const update = useUpdateProduct();
  const next = parseStock(stock);
  return (
    <InlineForm
      label={`Stock of ${product.name}`}
      submitText="Set"
      action={`Set stock of ${product.name}`}
      disabled={next === undefined || update.isPending || next === product.stock}
      error={update.error}
      onSubmit={() => {
        if (next !== undefined)
          update.mutate({ productId: product.productId, patch: { stock: next } });
      }}
    >
      {(id) => (
        <input
          id={id}
          className="input--narrow"
          inputMode="numeric"
          value={stock}
          aria-invalid={next === undefined ? true : undefined}
          onChange={(event) => setStock(event.target.value)}
        />
      )}
    </InlineForm>
  );
}

const COLUMNS = ['Name', 'Category', 'Price', 'Stock'] as const;

export function AdminProductTable() {
  const products = useProducts({ limit: 50 });
  // On a phone each row is a card and each cell shows its column's name (`data-label`, drawn by
  // the stylesheet); wider screens show the table as it is.
  return (
    <PagedList pages={products} what="products" empty={<EmptyState title="No products yet." />}>
      {(items) => (
        <Table caption="Products" columns={COLUMNS} wide className="admin-products">
          {items.map((product) => (
            <tr key={product.productId}>
              <th scope="row">
                <Link to={`/admin/products/${encodeURIComponent(product.productId)}`}>
                  {product.name}
                </Link>
              </th>
              <td data-label={COLUMNS[1]}>{product.category}</td>
              <td data-label={COLUMNS[2]} className="nowrap">
                {formatMoney(product.price, product.currency)}
              </td>
              <td data-label={COLUMNS[3]}>
                <StockEditor key={product.stock} product={product} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </PagedList>
  );
}
