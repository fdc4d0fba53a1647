import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One case: brief, timeline across channels, controls and composer. */
export function CaseView(props: { caseId: string; onOpenCustomer(customerId: string): void; onClose(): void }) {
  const { t } = useTranslation('case');
  return (
    <Stack component="section" aria-label={t('view.label', { id: props.caseId })}>
      <Title order={2}>{t('view.label', { id: props.caseId })}</Title>
    </Stack>
  );
}
