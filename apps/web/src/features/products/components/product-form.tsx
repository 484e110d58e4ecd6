import { useState, type FormEvent } from 'react';
import type { Product, ProductCreate } from '@mini-ecommerce/domain';
import { DEFAULT_CURRENCY, MAX_STOCK, PRODUCT_TEXT_LIMITS } from '@mini-ecommerce/domain/rules';
import { TextAreaField, TextField, useFieldValues } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { parseMoney, toMajorUnits } from '../../../lib/money';
import { useCategories } from '../api/get-categories';

type Values = Record<'name' | 'description' | 'category' | 'price' | 'currency' | 'stock', string>;
type Errors = Partial<Record<keyof Values, string>>;

function initialValues(product?: Product): Values {
  return {
    name: product?.name ?? '',
    description: product?.description ?? '',
    category: product?.category ?? '',
    price: product ? toMajorUnits(product.price, product.currency) : '',
    currency: product?.currency ?? DEFAULT_CURRENCY,
    stock: product ? String(product.stock) : '0',
  };
}

const LIMITS = PRODUCT_TEXT_LIMITS;

/** A stock figure as typed, when the API accepts it: a whole number up to `MAX_STOCK`. */
export function parseStock(value: string): number | undefined {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) && Number(trimmed) <= MAX_STOCK ? Number(trimmed) : undefined;
}

/** Mirrors the API's rules so mistakes show next to the field before a round trip. */
export function validateProduct(values: Values): { errors: Errors; input?: ProductCreate } {
  const errors: Errors = {};
  const name = values.name.trim();
  const category = values.category.trim();
  const currency = values.currency.trim().toUpperCase();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > LIMITS.name) errors.name = `Use at most ${LIMITS.name} characters.`;
  if (!category) errors.category = 'Enter a category.';
  else if (category.length > LIMITS.category || category.includes('#'))
    errors.category = `Use at most ${LIMITS.category} characters and no "#".`;
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Use a three-letter ISO code such as USD.';
  if (values.description.length > LIMITS.description)
    errors.description = `Use at most ${LIMITS.description} characters.`;
  let price: number | undefined;
  if (!errors.currency) {
    try {
      price = parseMoney(values.price, currency);
    } catch {
      errors.currency = 'Unknown currency code.';
    }
    if (!errors.currency && price === undefined) errors.price = 'Enter a price such as 19.99.';
  }
  const stock = parseStock(values.stock);
  if (stock === undefined) errors.stock = 'Enter a whole number from 0 to 1,000,000.';
  if (Object.keys(errors).length > 0 || price === undefined || stock === undefined)
    return { errors };
  return {
    errors,
    input: { name, description: values.description.trim(), category, price, currency, stock },
  };
}

/** Field-level messages from a 400 `VALIDATION_ERROR`, when the API names the fields. */
function serverFieldErrors(error: unknown): Errors {
  if (
    !(error instanceof ApiError) ||
    error.code !== 'VALIDATION_ERROR' ||
    !Array.isArray(error.details)
  )
    return {};
  const errors: Errors = {};
  for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
    const field = Array.isArray(issue.path) ? issue.path[0] : undefined;
    if (
      typeof field === 'string' &&
      field in initialValues() &&
      typeof issue.message === 'string'
    ) {
      errors[field as keyof Values] = issue.message;
    }
  }
  return errors;
}

export function ProductForm({
  product,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  product?: Product;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ProductCreate) => void;
}) {
  const { values, bind: bindValue } = useFieldValues(() => initialValues(product));
  const [errors, setErrors] = useState<Errors>({});
  const categories = useCategories();
  const shown = { ...serverFieldErrors(error), ...errors };
  const bind = (field: keyof Values) => ({ ...bindValue(field), error: shown[field] });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateProduct(values);
    setErrors(result.errors);
    if (result.input) {
      onSubmit(result.input);
    } else {
      const first = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
      // Wait for the re-render that marks the fields invalid.
      requestAnimationFrame(() =>
        (
          first ?? event.currentTarget?.querySelector<HTMLElement>('[aria-invalid="true"]')
        )?.focus(),
      );
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label="Name"
        required
        maxLength={LIMITS.name}
        autoComplete="off"
        {...bind('name')}
      />
      <TextField
        label="Category"
        required
        maxLength={LIMITS.category}
        list="category-options"
        autoComplete="off"
        {...bind('category')}
      />
      <datalist id="category-options">
        {categories.data?.items.map(({ category }) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <div className="form__row">
        <TextField
          label="Price"
          required
          inputMode="decimal"
          hint="For example 19.99"
          {...bind('price')}
        />
        <TextField
          label="Currency"
          required
          maxLength={3}
          autoCapitalize="characters"
          {...bind('currency')}
        />
        <TextField label="Stock" required inputMode="numeric" {...bind('stock')} />
      </div>
      <TextAreaField
        label="Description"
        rows={5}
        maxLength={LIMITS.description}
        {...bind('description')}
      />
      {/* Errors the API tied to fields show beside them; anything else shows here. */}
      <FormError error={Object.keys(serverFieldErrors(error)).length === 0 ? error : null} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
