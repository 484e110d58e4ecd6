/** The storefront formats money with the domain's rules (zod-free, so they cost the bundle nothing). */
export { formatMoney, parseMoney, toMajorUnits } from '@mini-ecommerce/domain/rules';
