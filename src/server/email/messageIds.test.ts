import { describe, expect, it } from 'vitest';
import { interactionOfMessageId, outboundMessageId } from './messageIds';

describe("the Message-IDs of the hub's emails", () => {
  it('carry the interaction id, read back whatever characters it has', () => {
    for (const id of ['int-6f1d2c1e-3b8e-4a0e-9e51-1f1f7c3f0a11', 'odd id/with+chars@and ünicode']) {
      const messageId = outboundMessageId(id, 'shop.example');
      expect(messageId).toMatch(/^<hub\.[A-Za-z0-9_-]+@shop\.example>$/);
      expect(interactionOfMessageId(messageId)).toBe(id);
    }
  });

  it("are null for anyone else's and for forged ones that do not decode as the hub writes them", () => {
    expect(interactionOfMessageId('<m1@customer.example>')).toBeNull();
    expect(interactionOfMessageId('<hub.@shop.example>')).toBeNull();
    expect(interactionOfMessageId('<hub.aW50LTE@shop.example> trailing')).toBeNull();
    expect(interactionOfMessageId('<hub.aW50LTF@shop.example>')).toBeNull();
  });
});
