import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '../i18n/languages';

/** The UI language (remembered on this workstation); options are written in their own language. */
export function LanguagePicker({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size={size}
      aria-label={t('language.label')}
      value={i18n.language}
      data={UI_LANGUAGES.map((lng) => ({ value: lng, label: LANGUAGE_NAMES[lng] }))}
      onChange={(e) => {
        if (isUiLanguage(e.currentTarget.value)) void i18n.changeLanguage(e.currentTarget.value);
      }}
    />
  );
}
