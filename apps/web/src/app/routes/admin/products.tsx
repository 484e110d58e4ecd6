import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { AdminProductTable } from '../../../features/products/components/admin-product-table';

export default function AdminProductsRoute() {
  return (
    <>
      <div className="page-header">
        <PageHeading title="Manage products">Products</PageHeading>
        <Link to="/admin/products/new" className="button">
          New product
        </Link>
      </div>
      <p className="muted">Open a product to edit it, upload its image or delete it.</p>
      <AdminProductTable />
    </>
  );
}
