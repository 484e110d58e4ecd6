import { useId, useRef, useState } from 'react';
import type { Address, PlaceOrderBody, ShippingAddress } from '@mini-ecommerce/domain';
import { COUNTRY_CODES, MAX_ADDRESSES } from '@mini-ecommerce/domain/rules';
import { AddressLines, countryName } from '../../../components/ui/address-lines';
import { SelectField, TextField, useFieldValues } from '../../../components/ui/field';
import { QueryStatus } from '../../../components/ui/status';
import { ApiError } from '../../../lib/api-client';
import { createAddress } from '../api/create-address';
import { useAddresses } from '../api/get-addresses';

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
const NEW = 'new';

/** The new address's fields, in the order they are asked for. */
const FIELDS: readonly {
  name: keyof Draft;
  label: string;
  autoComplete: string;
  required?: true;
  type?: 'tel';
}[] = [
  { name: 'name', label: 'Full name', autoComplete: 'name', required: true },
  { name: 'line1', label: 'Address line 1', autoComplete: 'address-line1', required: true },
  { name: 'line2', label: 'Address line 2', autoComplete: 'address-line2' },
  { name: 'city', label: 'City', autoComplete: 'address-level2', required: true },
  { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code', required: true },
  { name: 'region', label: 'State or region', autoComplete: 'address-level1' },
  { name: 'country', label: 'Country', autoComplete: 'country', required: true },
  { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel' },
];
const REQUIRED = FIELDS.filter((field) => field.required);
const requiredNames = REQUIRED.map((field) => field.label.toLowerCase());
const MISSING_MESSAGE = `Enter the delivery address: ${requiredNames.slice(0, -1).join(', ')} and ${requiredNames.at(-1)}.`;

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
  const { values: draft, bind } = useFieldValues<keyof Draft>(EMPTY);
  const [save, setSave] = useState(true);
  // A retry after a lost response reuses the address saved by the first attempt.
  const savedDraft = useRef<{ key: string; addressId: string } | undefined>(undefined);

  const fallback = saved.find((a) => a.isDefault)?.addressId ?? saved[0]?.addressId ?? NEW;
  const choice =
    picked && (picked === NEW || saved.some((a) => a.addressId === picked)) ? picked : fallback;

  async function resolve(): Promise<PlaceOrderBody> {
    if (choice !== NEW) return { addressId: choice };
    if (REQUIRED.some((field) => !draft[field.name].trim())) {
      throw new ApiError(400, 'VALIDATION_ERROR', MISSING_MESSAGE);
    }
    const address = toAddress(draft);
    if (!save || saved.length >= MAX_ADDRESSES) return { address };
    const key = JSON.stringify(address);
    if (savedDraft.current?.key !== key) {
      const created = await createAddress({ ...address, isDefault: saved.length === 0 });
      savedDraft.current = { key, addressId: created.addressId };
      void addresses.refetch();
    }
    return { addressId: savedDraft.current.addressId };
  }

  const fieldset = addresses.isSuccess ? (
    <DeliveryFieldset
      saved={saved}
      choice={choice}
      onChoose={setPicked}
      bind={bind}
      save={save}
      onSave={setSave}
    />
  ) : (
    <QueryStatus
      query={addresses}
      loadingLabel="Loading your addresses…"
      errorTitle="Your saved addresses could not be loaded"
    />
  );
  return { fieldset, resolve, ready: addresses.isSuccess };
}

function DeliveryFieldset({
  saved,
  choice,
  onChoose,
  bind,
  save,
  onSave,
}: {
  saved: Address[];
  choice: string;
  onChoose: (choice: string) => void;
  bind: ReturnType<typeof useFieldValues<keyof Draft>>['bind'];
  save: boolean;
  onSave: (save: boolean) => void;
}) {
  const id = useId();
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
          {FIELDS.map(({ name, label, required, ...attributes }) => {
            const props = {
              label: required ? label : `${label} (optional)`,
              required,
              ...attributes,
              ...bind(name),
            };
            return name === 'country' ? (
              <SelectField key={name} {...props}>
                {countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField key={name} {...props} />
            );
          })}
          {saved.length < MAX_ADDRESSES ? (
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
