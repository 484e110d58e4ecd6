export { ORDER_STATUSES, nextStatuses } from '@mini-ecommerce/domain/rules';
