import { classifyCustomer, type CustomerState } from '../shared/assist';

let last: { text: string; state: CustomerState } | null = null;

/**
 * The tone engine's reading of one customer message on its own. An inbound message is read twice in the write
 * that stores it: by the store, for its `negative` report column (store/reportColumns.ts), and by the red-alert
 * check (voice.ts). The last reading is kept, so the second asks the engine nothing.
 */
export function toneOfMessage(text: string): CustomerState {
  if (last?.text !== text) last = { text, state: classifyCustomer([text]) };
  return last.state;
}
