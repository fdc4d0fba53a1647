import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/domain';
import { languageOptions } from './adminOptions';

/** The one language an article or canned response is written in. */
export function LanguageSelect({ value, error, onChange }: { value: Lang; error?: string; onChange(lang: Lang): void }) {
  const { t } = useTranslation('admin');
  return <Select label={t('language')} allowDeselect={false} value={value} error={error} onChange={(v) => v && onChange(v as Lang)} data={languageOptions()} />;
}
