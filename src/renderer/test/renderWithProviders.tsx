import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../../shared/domain';
import { createI18n } from '../i18n/createI18n';
import { ApiContext } from '../lib/api/ApiContext';
import { theme } from '../theme';
import { fakeApi, type FakeApi } from './fakeApi';

/** Renders `ui` as the app would (real i18next with the bundled locales, Mantine, the given fake engine). */
export function renderWithProviders(ui: ReactElement, { fake = fakeApi(), lng = 'en' as Lang } = {}) {
  const i18n = createI18n(lng);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <ApiContext value={fake.api}>
        <MantineProvider theme={theme}>{ui}</MantineProvider>
      </ApiContext>
    </I18nextProvider>,
  );
  return { ...result, fake: fake as FakeApi, i18n };
}
