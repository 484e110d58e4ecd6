import { z } from 'zod';
import { Timestamp } from './common';
import { Currency } from './money';
import { Order } from './order';
import { Product } from './product';
import { DEFAULT_LOW_STOCK_THRESHOLD, MAX_LOW_STOCK_THRESHOLD } from './rules/limits';

export const SalesFigure = z.object({
  currency: Currency,
  orders: z.number().int(),
  /** Minor units. */
  revenue: z.number().int(),
});
export type SalesFigure = z.infer<typeof SalesFigure>;

/** The shop's state for the admin dashboard. Days are UTC days; cancelled orders are taken off. */
export const AdminSummary = z.object({
  generatedAt: Timestamp,
  today: z.array(SalesFigure),
  last7Days: z.array(SalesFigure),
  waitingToShip: z.object({
    PLACED: z.number().int().min(0),
    PAID: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  lowStock: z.object({ threshold: z.number().int().min(0), items: z.array(Product) }),
  newestOrders: z.array(Order).max(10),
});
export type AdminSummary = z.infer<typeof AdminSummary>;

export const AdminSummaryQuery = z.object({
  lowStock: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_LOW_STOCK_THRESHOLD)
    .default(DEFAULT_LOW_STOCK_THRESHOLD),
});
