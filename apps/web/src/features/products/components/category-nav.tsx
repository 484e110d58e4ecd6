import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useCategories } from '../api/get-categories';

export function categoryHref(category: string | undefined) {
  return category ? `/?category=${encodeURIComponent(category)}` : '/';
}

/**
 * On phones the pills are one row that scrolls sideways: the selected one is brought into view
 * (centred when it can be) by scrolling the row itself, never the page.
 */
function useSelectedInView(active: string | undefined, ready: boolean) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const row = list.current;
    const selected = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !selected || row.scrollWidth <= row.clientWidth) return;
    const box = selected.getBoundingClientRect();
    const rowBox = row.getBoundingClientRect();
    const left = row.scrollLeft + box.left - rowBox.left - (row.clientWidth - box.width) / 2;
    row.scrollTo({ left: Math.max(0, left) });
  }, [active, ready]);
  return list;
}

export function CategoryNav({ active }: { active: string | undefined }) {
  const categories = useCategories();
  const list = useSelectedInView(active, categories.isSuccess);
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
        <ul ref={list}>
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
                {category} <span className="count">{count}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
