import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';

export default function NotFoundRoute() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to the shop</Link>
      </p>
    </>
  );
}
