import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MAX_SEARCH_QUERY_LENGTH } from '@mini-ecommerce/domain/rules';

/** The header's search box; the query lives in the URL (`/search?q=`), so results can be shared and reloaded. */
export function SearchForm() {
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const inUrl = params.get('q') ?? '';
  const [value, setValue] = useState(inUrl);
  // Back and forward between searches show the query of the page shown.
  const [shown, setShown] = useState(inUrl);
  if (shown !== inUrl) {
    setShown(inUrl);
    setValue(inUrl);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (q) void navigate(`/search?${new URLSearchParams({ q }).toString()}`);
  };

  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Search products
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        maxLength={MAX_SEARCH_QUERY_LENGTH}
        placeholder="Search products"
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </form>
  );
}
