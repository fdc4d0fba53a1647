import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "Customer is typing…" under the timeline while a web chat visitor types. The live region is always there (a
 * region that appears with its text is not announced by every screen reader); only its text comes and goes.
 */
export function VisitorTyping({ typing, customerName }: { typing: boolean; customerName: string | null }) {
  const { t } = useTranslation('case');
  return (
    <Text size="sm" c="dimmed" fs="italic" role="status" aria-live="polite" data-testid="visitor-typing" mih="1.5em">
      {typing ? (customerName ? t('webchat.typingNamed', { name: customerName }) : t('webchat.typing')) : ''}
    </Text>
  );
}
