import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { ShopSummary } from '../../../features/dashboard/components/shop-summary';

const DEFAULT_LOW_STOCK = 5;

export default function AdminDashboardRoute() {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('lowStock') ?? DEFAULT_LOW_STOCK);
  const lowStock =
    Number.isInteger(requested) && requested >= 0 && requested <= 100
      ? requested
      : DEFAULT_LOW_STOCK;
  return (
    <>
      <PageHeading>Dashboard</PageHeading>
      <ul className="admin-links">
        <li>
          <Link to="/admin/products">Products</Link>: create, edit, delete, set stock, upload images
        </li>
        <li>
          <Link to="/admin/orders">Orders</Link>: follow and change order status
        </li>
      </ul>
      <ShopSummary
        key={lowStock}
        lowStock={lowStock}
        onLowStockChange={(threshold) => setParams({ lowStock: String(threshold) })}
      />
    </>
  );
}
