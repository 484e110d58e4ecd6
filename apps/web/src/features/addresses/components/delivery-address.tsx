import { useId, useRef, useState } from 'react';
import type { Address, PlaceOrderBody, ShippingAddress } from '@mini-ecommerce/domain';
import { AddressLines, countryName } from '../../../components/ui/address-lines';
import { TextField } from '../../../components/ui/field';
import { ErrorMessage, Loading } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { createAddress } from '../api/create-address';
import { useAddresses } from '../api/get-addresses';
import { COUNTRY_CODES } from '../utils/countries';

type Draft = Record<keyof ShippingAddress, string>;
const EMPTY: Draft = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  region: '',
  country: 'US',
  phone: '',
};
const REQUIRED = ['name', 'line1', 'city', 'postalCode', 'country'] as const;
const NEW = 'new';

const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
  a.name.localeCompare(b.name),
);

function toAddress(draft: Draft): ShippingAddress {
  const address: ShippingAddress = {
    name: draft.name.trim(),
    line1: draft.line1.trim(),
    city: draft.city.trim(),
    postalCode: draft.postalCode.trim(),
    country: draft.country,
  };
  for (const field of ['line2', 'region', 'phone'] as const) {
    const value = draft[field].trim();
    if (value) address[field] = value;
  }
  return address;
}

/**
 * The delivery address step of checkout: a saved address (the default preselected) or a new one
 * typed in, optionally saved to the address book. `resolve()` gives the body of POST /api/orders.
 */
export function useDeliveryAddress() {
  const addresses = useAddresses();
  const saved = addresses.data?.items ?? [];
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [save, setSave] = useState(true);
  // A retry after a lost response reuses the address saved by the first attempt.
  const savedDraft = useRef<{ key: string; addressId: string } | undefined>(undefined);

  const fallback = saved.find((a) => a.isDefault)?.addressId ?? saved[0]?.addressId ?? NEW;
  const choice =
    picked && (picked === NEW || saved.some((a) => a.addressId === picked)) ? picked : fallback;

  async function resolve(): Promise<PlaceOrderBody> {
    if (choice !== NEW) return { addressId: choice };
    const missing = REQUIRED.filter((field) => !draft[field].trim());
    if (missing.length > 0) {
      throw new ApiError(
        400,
        'VALIDATION_ERROR',
        'Enter the delivery address: full name, address line 1, city, postal code and country.',
      );
    }
    const address = toAddress(draft);
    if (!save || saved.length >= 5) return { address };
    const key = JSON.stringify(address);
    if (savedDraft.current?.key !== key) {
      const created = await createAddress({ ...address, isDefault: saved.length === 0 });
      savedDraft.current = { key, addressId: created.addressId };
      void addresses.refetch();
    }
    return { addressId: savedDraft.current.addressId };
  }

  const fieldset = addresses.isPending ? (
    <Loading label="Loading your addresses…" />
  ) : addresses.isError ? (
    <ErrorMessage
      error={addresses.error}
      title="Your saved addresses could not be loaded"
      onRetry={() => void addresses.refetch()}
    />
  ) : (
    <DeliveryFieldset
      saved={saved}
      choice={choice}
      onChoose={setPicked}
      draft={draft}
      onDraft={setDraft}
      save={save}
      onSave={setSave}
    />
  );
  return { fieldset, resolve, ready: addresses.isSuccess };
}

function DeliveryFieldset({
  saved,
  choice,
  onChoose,
  draft,
  onDraft,
  save,
  onSave,
}: {
  saved: Address[];
  choice: string;
  onChoose: (choice: string) => void;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  save: boolean;
  onSave: (save: boolean) => void;
}) {
  const id = useId();
  const field = (name: keyof Draft) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      onDraft({ ...draft, [name]: event.target.value }),
  });
  return (
    <fieldset className="delivery">
      <legend>
        <h2>Delivery address</h2>
      </legend>
      {saved.length > 0 ? (
        <ul className="delivery__choices">
          {saved.map((address) => (
            <li key={address.addressId}>
              <label className="delivery__choice">
                <input
                  type="radio"
                  name={`${id}-address`}
                  value={address.addressId}
                  checked={choice === address.addressId}
                  onChange={() => onChoose(address.addressId)}
                />
                <AddressLines address={address} />
              </label>
            </li>
          ))}
          <li>
            <label className="delivery__choice">
              <input
                type="radio"
                name={`${id}-address`}
                value={NEW}
                checked={choice === NEW}
                onChange={() => onChoose(NEW)}
              />
              A new address
            </label>
          </li>
        </ul>
      ) : null}
      {choice === NEW ? (
        <div className="delivery__form">
          <TextField label="Full name" required autoComplete="name" {...field('name')} />
          <TextField
            label="Address line 1"
            required
            autoComplete="address-line1"
            {...field('line1')}
          />
          <TextField
            label="Address line 2 (optional)"
            autoComplete="address-line2"
            {...field('line2')}
          />
          <TextField label="City" required autoComplete="address-level2" {...field('city')} />
          <TextField
            label="Postal code"
            required
            autoComplete="postal-code"
            {...field('postalCode')}
          />
          <TextField
            label="State or region (optional)"
            autoComplete="address-level1"
            {...field('region')}
          />
          <div className="field">
            <label htmlFor={`${id}-country`}>Country</label>
            <select id={`${id}-country`} required autoComplete="country" {...field('country')}>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          </div>
          <TextField label="Phone (optional)" type="tel" autoComplete="tel" {...field('phone')} />
          {saved.length < 5 ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={save}
                onChange={(event) => onSave(event.target.checked)}
              />
              Save this address for my next orders
            </label>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
