import { Link } from 'react-router';
import { useCategories } from '../api/get-categories';

export function categoryHref(category: string | undefined) {
  return category ? `/?category=${encodeURIComponent(category)}` : '/';
}

export function CategoryNav({ active }: { active: string | undefined }) {
  const categories = useCategories();
  return (
    <nav className="category-nav" aria-label="Categories">
      {categories.isPending ? (
        <p className="muted" role="status">
          Loading categories…
        </p>
      ) : categories.isError ? (
        <p className="muted" role="status">
          Categories are unavailable right now.
        </p>
      ) : (
        <ul>
          <li>
            <Link to="/" aria-current={active ? undefined : 'page'}>
              All products
            </Link>
          </li>
          {categories.data.items.map(({ category, count }) => (
            <li key={category}>
              <Link
                to={categoryHref(category)}
                aria-current={active === category ? 'page' : undefined}
              >
                {category} <span className="count">({count})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
