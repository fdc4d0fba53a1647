import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../../shared/domain';
import { createI18n } from '../i18n/createI18n';
import { ApiContext } from '../lib/api/ApiContext';
import { theme } from '../theme';
import { fakeApi, type FakeApi } from './fakeApi';

/**
 * Renders `ui` as the app would (real i18next with the bundled locales, Mantine, the given fake engine), with
 * Mantine in its test mode (`env="test"`, as Mantine's testing guide does): no transitions, no portals, and no
 * hiding of "detached" dropdowns. Without it, a Select's or Menu's dropdown opened in jsdom may stay hidden:
 * Popover hides a dropdown whose target floating-ui finds fully clipped, and jsdom, which lays nothing out,
 * makes every rectangle 0×0.
 */
export function renderWithProviders(ui: ReactElement, { fake = fakeApi(), lng = 'en' as Lang } = {}) {
  const i18n = createI18n(lng);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <ApiContext value={fake.api}>
        <MantineProvider theme={theme} env="test">
          {ui}
        </MantineProvider>
      </ApiContext>
    </I18nextProvider>,
  );
  return { ...result, fake: fake as FakeApi, i18n };
}
