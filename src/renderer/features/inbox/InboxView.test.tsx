// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InteractionMeta } from '../../../shared/domain';
import { fakeApi } from '../../test/fakeApi';
import { NOW, aCase, aMessage, aSession } from '../../test/builders';
import { withLayout } from '../../test/layout';
import { renderWithProviders } from '../../test/renderWithProviders';
import { InboxView } from './InboxView';

withLayout();

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function setup(items = [aCase({ id: 'c1' }), aCase({ id: 'c2', assigneeId: null }), aCase({ id: 'c3' })], metaOf: Record<string, InteractionMeta> = {}) {
  const state = { items: items.map((c) => ({ case: c, customerName: `Customer ${c.id}` })) };
  const fake = fakeApi({
    'inbox.list': () => ({ items: state.items, more: false }),
    'reference.org': () => ({ queues: [], staff: [], stores: [] }),
    'case.view': ({ caseId }) => ({
      case: state.items.find((i) => i.case.id === caseId)!.case,
      customer: null,
      timeline: [aMessage({ caseId, text: caseId === 'c1' ? HOSTILE : `Message of ${caseId}`, meta: metaOf[caseId] ?? {} })],
      held: [],
      deliveries: [],
      history: 'whole',
    }),
    'case.assign': () => ({ mutationId: 'm', state: 'pending' }),
  });
  const onOpenCase = vi.fn();
  const view = renderWithProviders(<InboxView session={aSession()} openCaseId={null} onOpenCase={onOpenCase} />, { fake });
  return { ...view, state, onOpenCase };
}

describe('InboxView', () => {
  it('lists every case with its customer and shows customer text literally, never as markup', async () => {
    setup();
    expect(await screen.findByText('Customer c1')).toBeTruthy();
    expect(screen.getByText('3 cases')).toBeTruthy();
    const row = document.querySelector('[data-case-id="c1"]') as HTMLElement;
    await waitFor(() => expect(within(row).getByTestId('preview').textContent).toBe(HOSTILE));
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('moves with j/k and the arrow keys and opens the active case with Enter', async () => {
    const { onOpenCase } = setup();
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    await screen.findByText('Customer c3');
    list.focus();
    await userEvent.keyboard('j');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('k');
    expect(list.getAttribute('aria-activedescendant')).toBe('inbox-row-c2');
    await userEvent.keyboard('{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c2');
  });

  it('shows a new case live when the engine says cases changed', async () => {
    const { state, fake } = setup();
    await screen.findByText('Customer c3');
    state.items = [...state.items, { case: aCase({ id: 'c4', lastInboundAt: NOW }), customerName: 'Newcomer' }];
    act(() => fake.emit('data.changed', { entities: { case: ['c4'] }, outbox: false }));
    expect(await screen.findByText('Newcomer')).toBeTruthy();
    expect(screen.getByText('4 cases')).toBeTruthy();
  });

  it('asks the engine for the filters chosen', async () => {
    const { fake } = setup();
    await screen.findByText('Customer c1');
    await userEvent.click(screen.getByRole('radio', { name: 'Unassigned' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'sla');
    await waitFor(() => expect(fake.calls('inbox.list').at(-1)).toMatchObject({ unassigned: true, sort: 'sla' }));
  });

  it('takes the next unassigned case from the queue and opens it', async () => {
    const { fake, onOpenCase } = setup();
    await screen.findByText('Customer c2');
    await userEvent.click(screen.getByRole('button', { name: 'Take next from queue' }));
    await waitFor(() => expect(onOpenCase).toHaveBeenCalledWith('c2'));
    expect(fake.calls('case.assign')).toEqual([{ caseId: 'c2', to: 'me' }]);
  });

  it('marks a case whose customer wrote last through the web chat', async () => {
    setup(undefined, { c2: { handle: 'web:v-1' }, c3: { handle: 'jan.k' } });
    const row = (id: string) => document.querySelector(`[data-case-id="${id}"]`) as HTMLElement;
    await waitFor(() => expect(within(row('c2')).getByRole('img', { name: 'Web chat' }).textContent).toBe('Web'));
    await waitFor(() => expect(within(row('c3')).getByTestId('preview').textContent).toBe('Message of c3'));
    expect(within(row('c1')).queryByTestId('webchat-marker')).toBeNull();
    expect(within(row('c3')).queryByTestId('webchat-marker')).toBeNull();
  });

  it('marks a case unread until it is opened', async () => {
    setup();
    const row = (await screen.findByText('Customer c1')).closest('[role="option"]') as HTMLElement;
    expect(within(row).getByRole('img', { name: 'Unread' })).toBeTruthy();
    await userEvent.click(row);
    await waitFor(() => expect(within(row).queryByRole('img', { name: 'Unread' })).toBeNull());
  });

  it('keeps 10,000 cases in a virtual list: only a window of rows is in the document, End reaches the last', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => aCase({ id: `c${i}`, lastInboundAt: NOW - i }));
    const { onOpenCase } = setup(many);
    const list = await screen.findByRole('listbox', { name: 'Inbox' });
    expect(await screen.findByText('10,000 cases')).toBeTruthy();
    expect(within(list).getAllByRole('option').length).toBeLessThan(30);
    list.focus();
    await userEvent.keyboard('{End}');
    expect(list.getAttribute('aria-activedescendant')).toBe('inbox-row-c9999');
    await userEvent.keyboard('{Enter}');
    expect(onOpenCase).toHaveBeenCalledWith('c9999');
  });
});
