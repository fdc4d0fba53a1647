import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Store staff's lookup-first screen: find the customer who walked in and continue their case. */
export function StoreMode(_props: { onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('store');
  return (
    <Stack component="section" aria-label={t('title')}>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
