import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A quiet (subtle) button whose label wraps instead of being cut: the auth card is narrow, and "Not {name}?
 * Sign in as someone else" runs longer than its width in Greek and Polish.
 */
export function WrappingButton({ children, onClick, ...props }: Omit<ButtonProps, 'variant'> & { children: ReactNode; onClick(): void }) {
  return (
    <Button variant="subtle" h="auto" py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }} onClick={onClick} {...props}>
      {children}
    </Button>
  );
}
