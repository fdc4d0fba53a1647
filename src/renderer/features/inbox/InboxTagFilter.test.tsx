// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { aCase, aSession } from '../../test/builders';
import { withLayout } from '../../test/layout';
import { renderWithProviders } from '../../test/renderWithProviders';
import { InboxView } from './InboxView';

withLayout();

describe('the inbox tag filter', () => {
  it('asks for the cases with the tag typed, and for all again when it is cleared', async () => {
    const fake = fakeApi({
      'inbox.list': () => ({ items: [{ case: aCase({ id: 'c1', tags: ['refund'] }), customerName: 'Jan' }], more: false }),
      'reference.org': () => ({ queues: [], staff: [], stores: [] }),
    });
    renderWithProviders(<InboxView session={aSession()} openCaseId={null} onOpenCase={() => {}} />, { fake });
    const field = await screen.findByRole('textbox', { name: 'Filter by tag' });
    await userEvent.type(field, ' Zwrót ');
    await waitFor(() => expect(fake.calls('inbox.list').at(-1)).toMatchObject({ tag: 'Zwrót' }));
    await userEvent.clear(field);
    await waitFor(() => expect(fake.calls('inbox.list').at(-1)).not.toHaveProperty('tag'));
  });
});
