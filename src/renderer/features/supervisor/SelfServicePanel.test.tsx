// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SelfServiceFigures } from '../../../shared/protocol';
import { NOW } from '../../test/builders';
import { freezeClock, HOSTILE, openTab, renderConsole } from '../../test/renderConsole';
import { SELF_SERVICE_REFRESH_MS } from './SelfServicePanel';
import { startOfDay } from './useSupervisorData';

freezeClock();

const today: SelfServiceFigures = {
  rows: [
    { queueId: 'q-chat', articleId: 'kb-delivery', title: 'Delivery times', count: 4 },
    { queueId: 'q-chat', articleId: 'kb-returns', title: HOSTILE, count: 2 },
    { queueId: 'q-email', articleId: 'kb-delivery', title: 'Delivery times', count: 1 },
    { queueId: 'q-gone', articleId: 'kb-returns', title: HOSTILE, count: 1 },
  ],
  conversations: [
    { queueId: 'q-chat', count: 2 },
    { queueId: 'q-email', count: 3 },
  ],
};
const week: SelfServiceFigures = { rows: [{ queueId: 'q-chat', articleId: 'kb-delivery', title: 'Delivery times', count: 30 }], conversations: [{ queueId: 'q-chat', count: 10 }] };

const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

function render(answer: (since: number) => SelfServiceFigures | { ok: false; error: { code: string; message: string } }, lng: 'en' | 'pl' = 'en') {
  return renderConsole({ lng, handlers: { 'supervisor.selfService': ({ since }) => answer(since) } });
}

describe('the Self-service tab', () => {
  it('shows per queue what articles answered, the conversations and the deflection rate, and the top articles', async () => {
    const { fake } = render(() => today);
    await openTab('Self-service');
    await waitFor(() => expect(screen.queryByTestId('self-service-queues')).not.toBeNull());
    expect(fake.calls('supervisor.selfService')).toEqual([{ since: startOfDay(NOW) }]);
    // By name; a queue this workstation does not hold by its id; the deflection rate is answered / (answered + conversations).
    expect(rowsOf('self-service-queues')).toEqual([
      ['Chat support', '6', '2', '75%'],
      ['Email desk', '1', '3', '25%'],
      ['q-gone', '1', '0', '100%'],
      ['All queues', '8', '5', '62%'],
    ]);
    // Across queues, most first; a title is text, never markup.
    expect(rowsOf('self-service-articles')).toEqual([
      ['Delivery times', '5'],
      [HOSTILE, '3'],
    ]);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('switches between today and the last 7 days', async () => {
    const { fake } = render((since) => (since === startOfDay(NOW) ? today : week));
    const panel = await openTab('Self-service');
    await waitFor(() => expect(rowsOf('self-service-queues')).toHaveLength(4));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() => expect(rowsOf('self-service-queues')).toEqual([['Chat support', '30', '10', '75%']]));
    const sevenDays = new Date(startOfDay(NOW));
    sevenDays.setDate(sevenDays.getDate() - 6);
    expect(fake.calls('supervisor.selfService').at(-1)).toEqual({ since: sevenDays.getTime() });
  });

  it('asks again every minute while shown, and not once left', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    const { fake } = render(() => today);
    await openTab('Self-service');
    await waitFor(() => expect(fake.calls('supervisor.selfService')).toHaveLength(1));
    await act(() => vi.advanceTimersByTimeAsync(SELF_SERVICE_REFRESH_MS));
    await waitFor(() => expect(fake.calls('supervisor.selfService')).toHaveLength(2));
    await openTab('Audit');
    await act(() => vi.advanceTimersByTimeAsync(3 * SELF_SERVICE_REFRESH_MS));
    expect(fake.calls('supervisor.selfService')).toHaveLength(2);
  });

  it('says offline that it needs the server, and shows the figures once the link is back', async () => {
    let online = false;
    const { fake } = render(() => (online ? today : { ok: false, error: { code: 'offline', message: 'offline' } }));
    await openTab('Self-service');
    expect((await screen.findByRole('alert')).textContent).toBe('Self-service figures come from the server: they show again once the workstation is connected.');
    online = true;
    act(() => fake.emit('connection.changed', { state: 'online', lastSyncAt: NOW, unsent: 0, since: NOW }));
    await waitFor(() => expect(rowsOf('self-service-queues')).toHaveLength(4));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when nothing happened, and speaks Polish', async () => {
    render(() => ({ rows: [], conversations: [] }), 'pl');
    const panel = await openTab('Samoobsługa');
    expect(await within(panel).findByText('Brak pytań z czatu na stronie w tym okresie.')).toBeTruthy();
    expect(within(panel).getByText('W tym okresie żaden artykuł nie odpowiedział na pytanie.')).toBeTruthy();
    expect(within(panel).getByRole('radio', { name: 'Ostatnie 7 dni' })).toBeTruthy();
    for (const header of ['Kolejka', 'Odpowiedziały artykuły', 'Rozmowy z czatu na stronie', 'Rozwiązane samodzielnie']) {
      expect(within(panel).getByRole('columnheader', { name: header })).toBeTruthy();
    }
  });
});
