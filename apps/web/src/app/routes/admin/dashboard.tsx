import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';

export default function AdminDashboardRoute() {
  return (
    <>
      <PageHeading>Admin</PageHeading>
      <ul className="admin-links">
        <li>
          <Link to="/admin/products">Products</Link>: create, edit, delete, set stock, upload images
        </li>
        <li>
          <Link to="/admin/orders">Orders</Link>: follow and change order status
        </li>
      </ul>
    </>
  );
}
