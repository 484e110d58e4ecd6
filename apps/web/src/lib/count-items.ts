/** How many items lines hold (a cart's, an order's): the quantities summed. */
export function countItems(lines: readonly { quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
