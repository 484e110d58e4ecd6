import MiniSearch from 'minisearch';
import type { FastifyBaseLogger } from 'fastify';
import type { DataLayer } from '@mini-ecommerce/data';
import { DomainError, validationError, type Page, type Product } from '@mini-ecommerce/domain';

/**
 * minisearch: no dependencies and no install scripts, its own TypeScript types, prefix and
 * edit-distance (typo) search with BM25 ranking and per-field boosts, and a compact radix-tree
 * index; flexsearch's typo tolerance is phonetic encoding only, and Orama's index is larger.
 */
type SearchDocument = Pick<Product, 'productId' | 'name' | 'description' | 'category'>;

/** What the index reads: the whole catalog (through CategoryIndex), a change marker and the products of a page. */
export type SearchSource = Pick<DataLayer['products'], 'listAll' | 'catalogVersion' | 'getMany'>;

const READ_PAGE = 100;
const MAX_OFFSET = 10_000;

const normalize = (term: string) =>
  term
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function newIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    idField: 'productId',
    fields: ['name', 'description', 'category'],
    storeFields: [],
    processTerm: normalize,
    searchOptions: {
      // Every word must match (a shop's search narrows), each as a prefix or within a typo or two.
      combineWith: 'AND',
      prefix: true,
      fuzzy: 0.2,
      boost: { name: 3, category: 2 },
    },
  });
}

const toDocument = ({ productId, name, description, category }: Product): SearchDocument => ({
  productId,
  name,
  description,
  category,
});

export const encodeOffset = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o(\d{1,5})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset >= 0 && offset <= MAX_OFFSET)) {
    throw validationError('The cursor is not valid; start again from the first page', {
      field: 'cursor',
    });
  }
  return offset;
}

type LocalWrite = { upsert: Product } | { remove: string };

/**
 * Full-text product search from an in-memory index of the catalog. Built at start-up, changed in
 * place by this instance's product writes, and rebuilt when the catalog version in DynamoDB moves
 * (writes made by other instances), checked every `refreshMs`: that is how stale it can be.
 * The index holds only the searchable text; a page of results is read from DynamoDB, so price
 * and stock are current and a product deleted elsewhere is never returned.
 */
export class ProductSearch {
  private index: MiniSearch<SearchDocument> | undefined;
  private version: number | undefined;
  /** This instance's writes made while a rebuild reads the catalog, replayed onto the new index. */
  private duringRebuild: LocalWrite[] | undefined;
  private refreshing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: SearchSource,
    private readonly options: { refreshMs: number; log?: FastifyBaseLogger },
  ) {}

  /** Builds the index (a failure is logged and retried on the next tick) and starts refreshing. */
  async start(): Promise<void> {
    await this.refreshLogged();
    this.timer = setInterval(() => void this.refreshLogged(), this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Rebuilds the index if the catalog changed since it was built (one GetItem when it did not). */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  upsert(product: Product): void {
    this.apply({ upsert: product });
  }

  remove(productId: string): void {
    this.apply({ remove: productId });
  }

  /** The ids of the best matches from `offset`, and whether more follow. */
  match(query: string, limit: number, offset: number): { ids: string[]; more: boolean } {
    if (!this.index) {
      throw new DomainError('UNAVAILABLE', 'Search is starting; try again in a moment', {
        retryAfterSeconds: Math.max(1, Math.ceil(this.options.refreshMs / 1000)),
      });
    }
    const results = this.index
      .search(query)
      // Equal scores in a stable order, so pages neither repeat nor skip a product.
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      ids: results.slice(offset, offset + limit).map((result) => result.id as string),
      more: results.length > offset + limit,
    };
  }

  /** A page of matches as the products are stored now. */
  async search(query: string, limit: number, cursor?: string): Promise<Page<Product>> {
    const offset = decodeOffset(cursor);
    const { ids, more } = this.match(query, limit, offset);
    const found = ids.length ? await this.source.getMany(ids) : new Map<string, Product>();
    return {
      items: ids.flatMap((id) => found.get(id) ?? []),
      nextCursor: more && offset + limit <= MAX_OFFSET ? encodeOffset(offset + limit) : null,
    };
  }

  private async refreshLogged(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'search index refresh failed; retrying');
    }
  }

  private async refreshOnce(): Promise<void> {
    const version = await this.source.catalogVersion();
    if (this.index && version === this.version) return;
    this.duringRebuild = [];
    try {
      const index = newIndex();
      let cursor: string | undefined;
      do {
        const page = await this.source.listAll(READ_PAGE, cursor);
        index.addAll(page.items.filter((p) => !index.has(p.productId)).map(toDocument));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      for (const write of this.duringRebuild) applyTo(index, write);
      this.index = index;
      // Writes made after the version was read moved it again: the next tick rebuilds.
      this.version = version;
    } finally {
      this.duringRebuild = undefined;
    }
  }

  private apply(write: LocalWrite): void {
    if (this.index) applyTo(this.index, write);
    this.duringRebuild?.push(write);
  }
}

function applyTo(index: MiniSearch<SearchDocument>, write: LocalWrite): void {
  const productId = 'upsert' in write ? write.upsert.productId : write.remove;
  if (index.has(productId)) index.discard(productId);
  if ('upsert' in write) index.add(toDocument(write.upsert));
}
