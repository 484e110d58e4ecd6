import { z } from 'zod';
import { IMAGE_TYPES, type ImageType } from './rules/images';
import { MAX_STOCK, PRODUCT_TEXT_LIMITS } from './rules/limits';
import { Id, Timestamp, pageOf } from './common';
import { Currency, MinorUnits } from './money';
import { DEFAULT_CURRENCY } from './rules/pricing';

export const ProductName = z.string().trim().min(1).max(PRODUCT_TEXT_LIMITS.name);
export const ProductDescription = z.string().trim().max(PRODUCT_TEXT_LIMITS.description);
/** Categories are short labels shown in navigation, e.g. "Home & Kitchen". */
export const Category = z
  .string()
  .trim()
  .min(1)
  .max(PRODUCT_TEXT_LIMITS.category)
  .regex(/^[^#]+$/, 'must not contain "#"');
export const Stock = z.number().int().min(0).max(MAX_STOCK);
/** An absolute http(s) URL, or a path on the shop's own origin (local images under /images/). */
export const ImageUrl = z.union([
  z.url({ protocol: /^https?$/ }).max(2048),
  z
    .string()
    .regex(/^\/images\/[A-Za-z0-9/_.-]+$/, 'must be an http(s) URL or an /images/ path')
    .max(512),
]);

export const Product = z.object({
  productId: Id,
  name: ProductName,
  description: ProductDescription,
  category: Category,
  price: MinorUnits,
  currency: Currency,
  stock: Stock,
  imageUrl: ImageUrl.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Product = z.infer<typeof Product>;

/** What an admin sends to create a product; server-owned fields are not accepted. */
export const ProductCreate = z.strictObject({
  name: ProductName,
  description: ProductDescription.default(''),
  category: Category,
  price: MinorUnits,
  currency: Currency.default(DEFAULT_CURRENCY),
  stock: Stock.default(0),
  imageUrl: ImageUrl.optional(),
});
export type ProductCreate = z.infer<typeof ProductCreate>;

export const ProductUpdate = z
  .strictObject({
    name: ProductName,
    description: ProductDescription,
    category: Category,
    price: MinorUnits,
    stock: Stock,
    imageUrl: ImageUrl.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const ProductParams = z.object({ productId: Id });

export const ProductListQuery = z.object({
  category: Category.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductPage = pageOf(Product);

export const CategoryCount = z.object({ category: Category, count: z.number().int().min(0) });
export type CategoryCount = z.infer<typeof CategoryCount>;
export const CategoryList = z.object({ items: z.array(CategoryCount) });

export const ImageUploadRequest = z.strictObject({
  contentType: z.enum(Object.keys(IMAGE_TYPES) as [ImageType, ...ImageType[]]),
});
export const ImageUpload = z.object({
  uploadUrl: z.url(),
  imageUrl: z.url(),
  expiresAt: Timestamp,
});
export type ImageUpload = z.infer<typeof ImageUpload>;
