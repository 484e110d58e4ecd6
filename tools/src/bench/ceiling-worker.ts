/**
 * Runs one ceiling measurement (ceilings.ts) in a process of its own, as the API runs in a process
 * of its own: on a shared machine each process gets its share of the CPUs, so a ceiling measured
 * inside the bench process (which also runs autocannon) would be starved next to the API it is
 * compared with. Reads the job from the JSON file named by argv[2]; prints the figures as the last
 * line of stdout.
 */
import { readFileSync } from 'node:fs';
import { createDataLayer } from '@mini-ecommerce/data';
import type { Product } from '@mini-ecommerce/domain';
import { rawCartCeiling, rawCheckoutCeiling, type CheckoutShape } from './ceilings';
import { mapConcurrent } from './checkout';

export type CeilingJob =
  | {
      kind: 'checkout';
      endpoint: string;
      products: Product[];
      count: number;
      concurrency: number;
      linesPerCart: number;
      shape: CheckoutShape;
      withReads?: boolean;
    }
  | {
      kind: 'cart';
      endpoint: string;
      shoppers: { userId: string; lines: { productId: string; quantity: number }[] }[];
      concurrency: number;
    };

const job = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as CeilingJob;
// Opening 50 connections at once to DynamoDB Local can take longer than the API's fail-fast 300 ms.
const data = createDataLayer({
  env: 'local',
  endpoint: job.endpoint,
  requestTimeoutMs: 5000,
  connectionTimeoutMs: 5000,
});
try {
  // The API it is compared with is warm: fill this process's connection pool and compile its
  // code paths first, with reads only (so the database holds nothing the audit does not expect).
  const productIds =
    job.kind === 'checkout'
      ? job.products.map((p) => p.productId)
      : job.shoppers.flatMap((s) => s.lines.map((l) => l.productId));
  await mapConcurrent(
    Array.from({ length: 300 }, (_, i) => i),
    job.concurrency,
    async (i) => {
      const productId = productIds[i % productIds.length] as string;
      await Promise.all([
        data.products.get(productId),
        data.cart.lines(`warm-up-${i}`),
        data.products.getMany([productId]),
        job.kind === 'cart'
          ? data.users.getById(job.shoppers[i % job.shoppers.length]?.userId as string)
          : undefined,
      ]);
    },
  );
  const figures =
    job.kind === 'checkout'
      ? await rawCheckoutCeiling(data, job.products, job)
      : await rawCartCeiling(data, job.shoppers, job.concurrency);
  console.log(JSON.stringify(figures));
} finally {
  data.close();
}
