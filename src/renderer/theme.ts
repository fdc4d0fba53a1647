import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * The workstation's Mantine theme. Shades are one step darker than Mantine's defaults where those fall below
 * WCAG AA contrast (4.5:1): white on a filled indigo-6 button and gray-6 "dimmed" text on white do. Filled
 * badges pick black or white text by their background (autoContrast), so they read in both themes.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  autoContrast: true,
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
