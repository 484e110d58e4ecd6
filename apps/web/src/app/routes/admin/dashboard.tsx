import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { ShopSummary } from '../../../features/dashboard/components/shop-summary';
import { DEFAULT_LOW_STOCK_THRESHOLD } from '@mini-ecommerce/domain/rules';
import { lowStockThreshold } from '../../../features/dashboard/utils/low-stock';

export default function AdminDashboardRoute() {
  const [params, setParams] = useSearchParams();
  const lowStock = lowStockThreshold(params.get('lowStock')) ?? DEFAULT_LOW_STOCK_THRESHOLD;
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
