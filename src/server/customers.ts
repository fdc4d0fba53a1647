import type { Customer } from '../shared/domain';
import type { HubContext } from './context';

/** What a new customer record needs; everything else starts at its default. */
export type NewCustomer = Pick<Customer, 'name' | 'language'> & Partial<Pick<Customer, 'emails' | 'phones' | 'handles' | 'loyaltyNumber' | 'storeId'>>;

/** Creates and saves a customer record (inside `write`): service messages allowed, marketing not until asked. */
export function createCustomer(ctx: HubContext, fields: NewCustomer): Customer {
  const now = ctx.now();
  const customer: Customer = {
    id: ctx.newId('cus'),
    emails: [],
    phones: [],
    handles: [],
    loyaltyNumber: null,
    storeId: null,
    tags: [],
    consent: { email: true, sms: true, marketing: false },
    mergedInto: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...fields,
    name: fields.name.slice(0, 200),
  };
  ctx.save('customer', customer);
  return customer;
}
