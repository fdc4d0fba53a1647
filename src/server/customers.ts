import { identitiesOf, type Customer } from '../shared/domain';
import type { UnitOfWork } from './context';
import { Refused } from './refused';

/** What a new customer record needs; everything else starts at its default. */
export type NewCustomer = Pick<Customer, 'name' | 'language'> & Partial<Pick<Customer, 'emails' | 'phones' | 'handles' | 'loyaltyNumber' | 'storeId'>>;

/** Creates and saves a customer record: service messages allowed, marketing not until asked. */
export async function createCustomer(w: UnitOfWork, fields: NewCustomer): Promise<Customer> {
  const { ctx } = w;
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
  await w.save('customer', customer);
  return customer;
}

/**
 * Refuses to give a customer (`customerId`, or a new one when null) any identity that another customer holds:
 * an identity belongs to one customer, and moving it is a supervisor's merge (audited).
 */
export async function claimIdentities(w: UnitOfWork, customerId: string | null, identities: Parameters<typeof identitiesOf>[0]): Promise<void> {
  for (const [kind, value] of identitiesOf(identities)) {
    const owner = await w.findCustomerByIdentity(kind, value);
    if (owner && owner.id !== customerId) {
      throw new Refused('identity-taken', `${kind} ${value} belongs to another customer: if they are the same person, a supervisor merges the two records`, { kind, value });
    }
  }
}
