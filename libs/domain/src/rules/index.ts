/**
 * The domain's plain rules: constants and pure functions without zod, importable by the
 * storefront as `@mini-ecommerce/domain/rules` without putting the schemas in its bundle.
 */
export * from './images';
export * from './pricing';
export * from './money';
export * from './orders';
export * from './countries';
export * from './limits';
