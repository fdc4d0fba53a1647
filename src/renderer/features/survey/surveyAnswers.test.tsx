// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CsatResponse, Lang } from '../../../shared/domain';
import { csat } from '../../../shared/testing/rows';
import { aCase, aCustomer, NOW } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderCase } from '../../test/renderCase';
import { HOSTILE, anAlert, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';
import { renderWithProviders } from '../../test/renderWithProviders';
import { Customer360 } from '../customer/Customer360';

freezeClock();

/** No markup made of what a customer wrote: the hostile comment is text only. */
function expectNoHostileMarkup(root: HTMLElement) {
  expect(root.querySelector('script, img')).toBeNull();
}

describe("the customer's survey answer on the case", () => {
  it('shows the score, the comment as written and when, and follows a changed answer live', async () => {
    let answers: CsatResponse[] = [csat({ id: 'cs1', caseId: 'c1', score: 2, comment: HOSTILE, createdAt: NOW - 3_600_000 })];
    const { fake } = renderCase({ timeline: [], kase: aCase({ id: 'c1', csatScore: 2, status: 'resolved' }), handlers: { 'survey.answers': () => answers } });
    const card = await screen.findByRole('region', { name: "The customer's survey answer" });
    await waitFor(() => expect(within(card).getByText(HOSTILE)).toBeTruthy());
    expect(within(card).getByText('2 of 10')).toBeTruthy();
    expect(within(card).getByText(/^Answered /)).toBeTruthy();
    expectNoHostileMarkup(card);
    expect(fake.calls('survey.answers')).toEqual([{ caseIds: ['c1'] }]);

    answers = [csat({ id: 'cs1', caseId: 'c1', score: 6, comment: null, createdAt: NOW })];
    act(() => fake.emit('data.changed', { entities: { csat: ['cs1'] }, outbox: false }));
    await waitFor(() => expect(within(card).getByText('6 of 10')).toBeTruthy());
    expect(within(card).getByText('No comment.')).toBeTruthy();
  });

  it('is not there, and not asked for, before the customer answers', async () => {
    const { fake } = renderCase({ timeline: [], kase: aCase({ id: 'c1', subject: 'Cracked screen', csatScore: null }) });
    await screen.findByRole('heading', { name: 'Cracked screen' });
    expect(screen.queryByTestId('case-survey-answer')).toBeNull();
    expect(fake.calls('survey.answers')).toEqual([]);
  });
});

describe('survey answers in Customer 360', () => {
  function render360(lng: Lang) {
    const fake = fakeApi({
      'customer.view': () => ({
        customer: { ...aCustomer(), local: [] },
        cases: [aCase({ id: 'c1', subject: 'Cracked screen', csatScore: 3 }), aCase({ id: 'c2', subject: 'Invoice', csatScore: 9 }), aCase({ id: 'c3', subject: 'Open one', csatScore: null })],
      }),
      'survey.answers': () => [csat({ id: 'cs1', caseId: 'c1', score: 3, comment: `Kurier nie przyszedł ${HOSTILE}` }), csat({ id: 'cs2', caseId: 'c2', score: 9, comment: null })],
    });
    renderWithProviders(<Customer360 customerId="cu1" onOpenCase={() => {}} onClose={() => {}} />, { fake, lng });
    return fake;
  }

  it("shows each case's score with the customer's comment under it, asking only for cases with a score", async () => {
    const fake = render360('pl');
    const row = (await screen.findByRole('button', { name: 'Cracked screen' })).closest('tr')!;
    await waitFor(() => expect(within(row).getByText(`Kurier nie przyszedł ${HOSTILE}`)).toBeTruthy());
    expect(within(row).getByText('3 na 10')).toBeTruthy();
    expectNoHostileMarkup(row);
    expect(within(screen.getByRole('button', { name: 'Invoice' }).closest('tr')!).getByText('9 na 10')).toBeTruthy();
    expect(within(screen.getByRole('button', { name: 'Open one' }).closest('tr')!).getByText('Brak oceny')).toBeTruthy();
    expect(fake.calls('survey.answers')).toEqual([{ caseIds: ['c1', 'c2'] }]);
  });
});

describe('survey answers for supervisors', () => {
  it("lists today's answers with their comments, newest first, and the alert's comment, in Greek", async () => {
    const state = consoleState();
    state.csat = [
      csat({ id: 'cs1', caseId: 'c3', queueId: 'q-chat', score: 9, comment: 'Γρήγορα, ευχαριστώ', createdAt: NOW - 2 * 3_600_000 }),
      csat({ id: 'cs2', caseId: 'c1', queueId: 'q-chat', score: 2, comment: HOSTILE, createdAt: NOW - 60_000 }),
    ];
    state.alerts = [anAlert({ id: 'al1', caseId: 'c1', reason: 'low-csat', score: 2, comment: HOSTILE })];
    const { onOpenCase } = renderConsole({ state, lng: 'el' });
    const panel = await openTab(/Κόκκινες ειδοποιήσεις/);
    const table = await within(panel).findByRole('table', { name: 'Απαντήσεις στην έρευνα σήμερα' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const [, newest, older] = within(table).getAllByRole('row');
    expect(within(newest).getByRole('rowheader').textContent).toBe('Jan Kowalski');
    expect(within(newest).getByText('2 / 10')).toBeTruthy();
    expect(within(newest).getByText(HOSTILE)).toBeTruthy();
    expect(within(older).getByText('Γρήγορα, ευχαριστώ')).toBeTruthy();
    expectNoHostileMarkup(table);
    within(newest).getByRole('button', { name: 'c1' }).click();
    expect(onOpenCase).toHaveBeenCalledWith('c1');

    const alerts = within(panel).getByTestId('alerts');
    const alertRow = alerts.querySelector('[data-alert="al1"]') as HTMLElement;
    expect(within(alertRow).getByText(HOSTILE)).toBeTruthy();
    expectNoHostileMarkup(alerts);
  });

  it('says when nobody answered today', async () => {
    renderConsole();
    const panel = await openTab(/Red alerts/);
    expect(await within(panel).findByText('No survey answers today.')).toBeTruthy();
  });
});
