import type { OutputOf } from '../../../shared/ipc/contract';

type Answer = OutputOf<'search.query'>;
export type SearchResult =
  | { kind: 'customer'; id: string; customer: Answer['customers'][number] }
  | { kind: 'case'; id: string; case: Answer['cases'][number]; customerName: string | null }
  | { kind: 'message'; id: string; message: Answer['messages'][number] };

/** Sections of the answer, in the order shown. */
export const SEARCH_KINDS = ['customer', 'case', 'message'] as const;

/** The answer as one list in the order shown (customers, cases, messages), for keyboard movement. */
export function searchResults(answer: Answer | undefined): SearchResult[] {
  if (!answer) return [];
  return [
    ...answer.customers.map((customer) => ({ kind: 'customer' as const, id: `customer-${customer.id}`, customer })),
    ...answer.cases.map((c) => ({ kind: 'case' as const, id: `case-${c.id}`, case: c, customerName: answer.customerNames[c.customerId] ?? null })),
    ...answer.messages.map((message) => ({ kind: 'message' as const, id: `message-${message.id}`, message })),
  ];
}
