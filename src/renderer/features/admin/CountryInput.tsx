import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain';

/**
 * A store's or queue's country, as its ISO 3166 two-letter code (the hub checks it): numbers written there
 * without a country code are read as its numbers. Empty means none, and then numbers need their code.
 */
export function CountryInput({ value, error, onChange }: { value: Country | null; error?: string; onChange(country: Country | null): void }) {
  const { t } = useTranslation('admin');
  return (
    <TextInput
      label={t('country.label')}
      description={t('country.hint')}
      maxLength={2}
      value={value ?? ''}
      error={error}
      onChange={(e) => {
        const typed = e.currentTarget.value.trim().toUpperCase();
        onChange(typed === '' ? null : typed);
      }}
    />
  );
}
