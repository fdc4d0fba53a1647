import type { Random } from './random';

const WORDS = [
  'amber', 'anchor', 'apple', 'autumn', 'banjo', 'basil', 'beacon', 'birch', 'bison', 'breeze', 'cactus', 'candle',
  'canyon', 'cedar', 'cherry', 'cobalt', 'comet', 'coral', 'cotton', 'dolphin', 'ember', 'falcon', 'fern', 'fjord',
  'galaxy', 'garnet', 'ginger', 'glacier', 'harbor', 'hazel', 'honey', 'island', 'jasmine', 'juniper', 'kettle',
  'lagoon', 'lantern', 'lemon', 'maple', 'meadow', 'mango', 'marble', 'nectar', 'nutmeg', 'olive', 'orbit',
  'otter', 'pepper', 'pebble', 'pine', 'planet', 'quartz', 'raven', 'river', 'saffron', 'sierra', 'spruce',
  'tulip', 'velvet', 'walnut', 'willow', 'yonder', 'zephyr', 'zinnia',
] as const;

/** A readable demo password such as `maple-harbor-42`: two words and two digits, at least 10 characters. */
export function generatePassword(rng: Random): string {
  const [first, second] = rng.sample(WORDS, 2);
  return `${first}-${second}-${String(rng.int(10, 99))}`;
}
