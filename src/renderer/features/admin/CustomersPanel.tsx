import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportModal } from './ImportModal';

/** Customers in the Administration area: importing them from a CSV file (admins; agents edit customers one by one). */
export function CustomersPanel() {
  const { t } = useTranslation('admin');
  const [importing, setImporting] = useState(false);
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">{t('import.customersExplain')}</Text>
      <Button onClick={() => setImporting(true)}>{t('import.customersAction')}</Button>
      {importing && <ImportModal kind="customers" onClose={() => setImporting(false)} />}
    </Stack>
  );
}
