export { COUNTRY_CODES } from '@mini-ecommerce/domain/rules';
