import { DEFAULT_THEME, defaultVariantColorsResolver, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { theme as ours } from '../../theme';
import { SEVERITY_COLORS } from './severityColors';

const theme = mergeMantineTheme(DEFAULT_THEME, ours);
type Scheme = 'light' | 'dark';
const SCHEMES: Scheme[] = ['light', 'dark'];

/** A Mantine colour variable as the scheme resolves it (`-filled` is the scheme's primary shade of the family). */
function resolve(variable: string, scheme: Scheme): string {
  if (variable === 'var(--mantine-color-white)') return theme.white;
  if (variable === 'var(--mantine-color-black)') return theme.black;
  const match = /^var\(--mantine-color-([a-z]+)-(\d|filled)\)$/.exec(variable);
  if (!match) throw new Error(`not a theme colour: ${variable}`);
  const shades = theme.colors[match[1] as string] as readonly string[];
  const primary = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade[scheme];
  return shades[match[2] === 'filled' ? primary : Number(match[2])] as string;
}

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('tone hint severity colours', () => {
  for (const [severity, { badge, mark }] of Object.entries(SEVERITY_COLORS)) {
    for (const scheme of SCHEMES) {
      it(`the ${severity} badge's text reads on its background in the ${scheme} scheme (WCAG AA)`, () => {
        const colors = defaultVariantColorsResolver({ color: badge, theme, variant: 'filled' });
        expect(contrast(resolve(colors.color, scheme), resolve(colors.background, scheme))).toBeGreaterThanOrEqual(4.5);
      });

      it(`the ${severity} highlight's black text reads on it in the ${scheme} scheme`, () => {
        // Mantine's Mark: black text on the family's shade 2 (light scheme) or 5 (dark scheme).
        const background = resolve(`var(--mantine-color-${mark}-${scheme === 'light' ? 2 : 5})`, scheme);
        expect(contrast(theme.black, background)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
