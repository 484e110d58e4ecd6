/** The "Load more" control under a paged list; shows progress while the next page loads. */
export function LoadMore({
  pages,
  label,
  onLoad,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
  onLoad?: () => void;
}) {
  if (!pages.hasNextPage) return null;
  return (
    <p className="load-more">
      <button
        type="button"
        className="button button--secondary"
        disabled={pages.isFetchingNextPage}
        onClick={() => {
          onLoad?.();
          void pages.fetchNextPage();
        }}
      >
        {pages.isFetchingNextPage ? 'Loading more…' : label}
      </button>
    </p>
  );
}
