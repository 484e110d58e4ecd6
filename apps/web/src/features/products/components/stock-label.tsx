/** At or below this many left, shoppers are told how many remain. */
const LOW_STOCK = 5;

/**
 * A stock message only when it matters: "Only 3 left" or "Out of stock". Plenty in stock says
 * nothing on a card; the product page may say "In stock", never how many.
 */
export function StockLabel({
  stock,
  showInStock = false,
}: {
  stock: number;
  showInStock?: boolean;
}) {
  if (stock <= 0) return <span className="stock stock--out">Out of stock</span>;
  if (stock <= LOW_STOCK) return <span className="stock stock--low">Only {stock} left</span>;
  return showInStock ? <span className="stock stock--in">In stock</span> : null;
}
