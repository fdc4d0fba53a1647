import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Customer 360: profile, identities and every case of one customer. */
export function Customer360(props: { customerId: string; onOpenCase(caseId: string): void; onClose(): void }) {
  const { t } = useTranslation('customer');
  return (
    <Stack component="section" aria-label={t('view.label')} data-customer-id={props.customerId}>
      <Title order={2}>{t('view.label')}</Title>
    </Stack>
  );
}
