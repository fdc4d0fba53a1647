import { describe, expect, expectTypeOf, it } from 'vitest';
import { channels, events, type ChannelName, type EventName } from './contract';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName, type ListedChannelName, type ListedEventName } from './names';

describe('the IPC names (what the preload checks)', () => {
  it('are exactly the contract tables\' keys, by type (tsc) and at run time', () => {
    expectTypeOf<ListedChannelName>().toEqualTypeOf<ChannelName>();
    expectTypeOf<ListedEventName>().toEqualTypeOf<EventName>();
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it('tell a name from anything else, inherited properties included', () => {
    expect(isChannelName('case.view')).toBe(true);
    expect(isEventName('data.changed')).toBe(true);
    expect(isChannelName('data.changed')).toBe(false);
    expect(isEventName('case.view')).toBe(false);
    for (const other of ['toString', '__proto__', 'constructor', '', 'case.View', 42, null, undefined, { name: 'case.view' }]) {
      expect(isChannelName(other), String(other)).toBe(false);
      expect(isEventName(other), String(other)).toBe(false);
    }
  });
});
