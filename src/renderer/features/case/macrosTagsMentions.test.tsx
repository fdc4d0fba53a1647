// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CannedResponse, Lang } from '../../../shared/domain';
import { aCase, aQueue, aSession, aStaff } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { CaseTags } from './CaseTags';
import { Composer } from './Composer';
import { useComposer } from './useComposer';

const queued = () => ({ mutationId: 'm1', state: 'pending' as const });
// The case is in q1: Anna, Łukasz and Lena are its members, Maria supervises, Piotr works another queue.
const org = {
  queues: [aQueue({ id: 'q1', memberIds: ['s1', 's2', 's4'] }), aQueue({ id: 'q2', memberIds: ['s5'] })],
  staff: [
    aStaff({ id: 's1', name: 'Anna Nowak' }),
    aStaff({ id: 's2', name: 'Łukasz Wiśniewski' }),
    aStaff({ id: 's3', name: 'Maria Papadopoulou', role: 'supervisor' }),
    aStaff({ id: 's4', name: 'Lena Gone', active: false }),
    aStaff({ id: 's5', name: 'Piotr Other' }),
  ].map((s) => ({ ...s, local: [] })),
  stores: [],
};
const refund: CannedResponse = { id: 'cr1', queueId: null, language: 'en', shortcut: 'refund', title: 'Refund sent', body: 'Your refund is on its way.', sets: { status: 'resolved', priority: 'low', tags: ['refund'] } };

function ComposerUnderTest({ canned = [] }: { canned?: CannedResponse[] }) {
  const composer = useComposer('chat', 'Refund');
  return <Composer kase={aCase({ id: 'c1', queueId: 'q1', assigneeId: null, storeId: null })} composer={composer} channels={['chat']} canned={canned} onTyping={() => {}} />;
}
function renderComposer(canned: CannedResponse[] = [], handlers: FakeHandlers = {}, lng: Lang = 'en') {
  const fake = fakeApi({ 'reference.org': () => org, 'session.current': () => aSession({ id: 's1' }), 'case.update': queued, 'case.tag': queued, 'case.note': queued, 'case.reply': queued, ...handlers });
  renderWithProviders(<ComposerUnderTest canned={canned} />, { fake, lng });
  return fake;
}

describe('macros in the composer', () => {
  it('inserts the text and queues the status, priority and tags the macro sets, saying what it did', async () => {
    const fake = renderComposer([refund]);
    const box = screen.getByRole('textbox', { name: /Reply by/ });
    await userEvent.type(box, '/refu');
    await userEvent.click(await screen.findByRole('option', { name: /refund · Refund sent/ }));
    expect((box as HTMLTextAreaElement).value).toBe('Your refund is on its way.');
    await waitFor(() => expect(fake.calls('case.update')).toEqual([{ caseId: 'c1', status: 'resolved', priority: 'low' }]));
    expect(fake.calls('case.tag')).toEqual([{ caseId: 'c1', add: ['refund'] }]);
    expect(screen.getByRole('status').textContent).toBe('The macro also set: status Resolved, priority Low, tags refund');
  });

  it('changes nothing on the case for a plain canned response', async () => {
    const fake = renderComposer([{ ...refund, sets: undefined }]);
    await userEvent.type(screen.getByRole('textbox', { name: /Reply by/ }), '/refund{Enter}');
    expect(fake.calls('case.update')).toEqual([]);
    expect(fake.calls('case.tag')).toEqual([]);
  });
});

describe('@mentions in a note', () => {
  it('suggests active colleagues by name without accents, writes the name and notifies the one still named', async () => {
    const fake = renderComposer();
    await userEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    const box = screen.getByRole('textbox', { name: /note/i });
    await userEvent.type(box, 'Please check @luk');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['@Łukasz Wiśniewski']);
    await userEvent.keyboard('{Enter}');
    expect((box as HTMLTextAreaElement).value).toBe('Please check @Łukasz Wiśniewski ');
    // Neither the author (Anna), nor someone who cannot sign in, nor someone who does not see the case (Piotr) is offered.
    await userEvent.type(box, '@');
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['@Łukasz Wiśniewski', '@Maria Papadopoulou']);
    await userEvent.keyboard('{Escape}');
    await userEvent.type(box, 'thanks{Control>}{Enter}{/Control}');
    await waitFor(() => expect(fake.calls('case.note')).toEqual([{ caseId: 'c1', text: 'Please check @Łukasz Wiśniewski @thanks', mentions: ['s2'] }]));
  });

  it('offers no mentions in a reply to the customer', async () => {
    renderComposer();
    await userEvent.type(screen.getByRole('textbox', { name: /Reply by/ }), 'Hi @an');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('says in Polish how to mention someone', async () => {
    renderComposer([], {}, 'pl');
    await userEvent.click(screen.getAllByRole('radio')[1]!);
    expect(screen.getByText('Wpisz / dla gotowej odpowiedzi, @ aby wspomnieć współpracownika (dostanie powiadomienie)')).toBeTruthy();
  });
});

describe('tags on a case', () => {
  it('adds a tag with Enter, refuses one the case has in another spelling, and removes one by its button', async () => {
    const fake = fakeApi({ 'case.tag': queued });
    renderWithProviders(<CaseTags kase={aCase({ id: 'c1', tags: ['Zwrot'] })} />, { fake });
    const field = screen.getByRole('textbox', { name: 'Add a tag' });
    await userEvent.type(field, '  VIP  customer {Enter}');
    await waitFor(() => expect(fake.calls('case.tag')).toEqual([{ caseId: 'c1', add: ['VIP customer'] }]));
    await userEvent.type(field, 'zwrót{Enter}');
    expect(await screen.findByText('The case already has the tag zwrót')).toBeTruthy();
    expect(fake.calls('case.tag')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Remove the tag Zwrot' }));
    expect(fake.calls('case.tag')[1]).toEqual({ caseId: 'c1', remove: ['Zwrot'] });
  });

  it('stops adding at the limit and speaks Greek', async () => {
    renderWithProviders(<CaseTags kase={aCase({ tags: Array.from({ length: 20 }, (_, i) => `t${i}`) })} />, { fake: fakeApi({}), lng: 'el' });
    expect((screen.getByRole('textbox', { name: 'Προσθήκη ετικέτας' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Μια υπόθεση έχει το πολύ 20 ετικέτες')).toBeTruthy();
  });
});
