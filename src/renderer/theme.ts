import { createTheme } from '@mantine/core';

/** The workstation's Mantine theme: Mantine's defaults with a calmer primary colour. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
});
