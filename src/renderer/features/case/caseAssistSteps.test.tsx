// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCase, aMessage, aSession } from '../../test/builders';
import { renderCase } from '../../test/renderCase';

const MINUTE = 60_000;

/** A case that began on video chat (an exchange agreed there) and whose reply is 491 minutes overdue. */
function overdueVideoCase() {
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
  const kase = aCase({ channels: ['video', 'email'], lastChannel: 'email', firstRespondedAt: null, firstResponseDueAt: minute - 491 * MINUTE });
  const timeline = [
    aMessage({ id: 'v1', kind: 'video', text: 'The screen of my new phone flickers.', createdAt: minute - 2 * 86_400_000 }),
    aMessage({
      id: 'v2',
      kind: 'video',
      direction: 'outbound',
      authorId: 's1',
      text: '',
      meta: { summary: 'Exchange agreed at the Warsaw store; replacement reserved.' },
      createdAt: minute - 2 * 86_400_000 + MINUTE,
    }),
    aMessage({ id: 'e1', kind: 'email', text: 'When can I come in to pick it up?', createdAt: minute - 500 * MINUTE }),
  ];
  return { kase, timeline };
}

const stepsList = async () => (await screen.findByRole('heading', { name: 'Suggested next steps' })).closest('section') as HTMLElement;

describe('next steps and brief on a real case', () => {
  it("tells an agent how late the reply is in hours and minutes, and counts the advisor's agreement as promised", async () => {
    renderCase(overdueVideoCase());
    const steps = await stepsList();
    await waitFor(() => expect(steps.querySelector('li')?.getAttribute('data-step')).toBe('reply-now'));
    expect(within(steps).getByText('The reply is 8 hr 11 min overdue.')).toBeTruthy();
    const brief = (await screen.findByRole('heading', { name: 'Case brief' })).closest('section') as HTMLElement;
    expect(within(brief).getByText('We promised (2)')).toBeTruthy();
    expect(within(brief).getByRole('button', { name: 'replacement reserved.' })).toBeTruthy();
    expect(within(brief).getByText('When can I come in to pick it up?')).toBeTruthy();
  });

  it('puts the recap of the earlier channel first for store staff serving the customer at the counter', async () => {
    renderCase({ ...overdueVideoCase(), handlers: { 'session.current': () => aSession({ role: 'store' }) } });
    const steps = await stepsList();
    await waitFor(() => expect(steps.querySelector('li')?.getAttribute('data-step')).toBe('recap-previous-channel'));
    expect(steps.querySelector('[data-step="reply-now"]')).toBeNull();
  });
});
