// @vitest-environment jsdom
import '../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import { act, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../shared/ipc/contract';
import type { AssignTarget, ItemResult } from '../../../shared/protocol';
import { aCase } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { dashboardHandlers } from '../../test/renderConsole';
import { renderWithProviders } from '../../test/renderWithProviders';
import { MoveOutcomes } from './MoveOutcomes';
import { useSupervisorData } from './useSupervisorData';
import { useTrackedMoves } from './useTrackedMoves';

const MOVE_ID = '01936f1e-8a00-7000-8000-000000000001';
const CASE_IDS = ['c1', 'c2', 'c3'];
const TO: AssignTarget = { queueId: 'q2' };
const NAMES: Record<string, string> = { c1: 'Jan Kowalski', c2: 'Maria Wiśniewska', c3: 'Tom Smith' };

/** The console's wiring of outcomes: the move is tracked as ReassignPanel tracks it once the engine queued it. */
function TrackedMove() {
  const data = useSupervisorData();
  const { moves, track, dismiss } = useTrackedMoves();
  useEffect(() => track(MOVE_ID, CASE_IDS, TO), [track]);
  return <MoveOutcomes moves={moves} casesById={data.casesById} nameOf={(id) => NAMES[id]} onDismiss={dismiss} />;
}

/**
 * A move of three open cases of queue q1 to q2 over a fake engine: it waits in the outbox until `answer` takes
 * it out, with what the cache then holds and the refusals the engine kept (`failed`; null: none kept).
 */
async function moveThreeCases(failed: ItemResult[] | null) {
  const mutation = { type: 'supervisor.reassign' as const, mutationId: MOVE_ID, caseIds: CASE_IDS, to: TO };
  const state = {
    cases: CASE_IDS.map((id) => aCase({ id, queueId: 'q1' })),
    outbox: [{ mutationId: MOVE_ID, mutation, state: 'pending', attempts: 0, reason: null, message: null, current: null, createdAt: 0, updatedAt: 0 }] as OutputOf<'outbox.list'>,
    kept: [] as OutputOf<'outbox.results'>,
  };
  const fake = fakeApi({
    ...dashboardHandlers(() => ({ cases: state.cases.map((c) => ({ case: c, customerName: NAMES[c.id], sentiment: null })), csat: [] })),
    'outbox.list': () => state.outbox,
    'outbox.results': ({ mutationIds }) => state.kept.filter((r) => mutationIds.includes(r.mutationId)),
  });
  renderWithProviders(<TrackedMove />, { fake });
  await waitFor(() => expect(screen.getByTestId('move-outcome').textContent).toContain('Moving 3 cases: waiting for the server…'));
  expect(fake.calls('outbox.results')).toEqual([]);

  /** The hub answers and the feed delivers: the entry leaves the outbox, the cache holds `cases`. */
  const answer = async (cases: ReturnType<typeof aCase>[]) => {
    state.cases = cases;
    state.outbox = [];
    state.kept = failed ? [{ mutationId: MOVE_ID, failed }] : [];
    act(() => fake.emit('data.changed', { entities: { case: cases.map((c) => c.id) }, outbox: true }));
    await waitFor(() => expect(screen.getByTestId('move-outcome').textContent).not.toContain('waiting'));
    return screen.getByTestId('move-outcome');
  };
  return { fake, answer };
}

describe('MoveOutcomes', () => {
  it('shows the hub’s reason and message for each case it refused, and every other case as moved', async () => {
    const closed = { id: 'c2', ok: false, reason: 'conflict' as const, message: 'case c2 is closed' };
    const { fake, answer } = await moveThreeCases([closed]);
    // The cache has not caught up with c3 yet: the hub's results say it moved all the same.
    const outcome = await answer([aCase({ id: 'c1', queueId: 'q2' }), aCase({ id: 'c2', queueId: 'q1', status: 'closed' }), aCase({ id: 'c3', queueId: 'q1' })]);

    expect(fake.calls('outbox.results')).toEqual([{ mutationIds: [MOVE_ID] }]);
    expect(within(outcome).getByText('2 of 3 cases moved')).toBeTruthy();
    const [item, ...others] = within(outcome).getAllByRole('listitem');
    expect(others).toEqual([]);
    expect(within(item).getByText('Maria Wiśniewska (c2): it cannot be done in its current state')).toBeTruthy();
    expect(within(item).getByText('case c2 is closed')).toBeTruthy();
  });

  it('reads the likely reason from the cache when no results are kept for the move', async () => {
    const { answer } = await moveThreeCases(null);
    const outcome = await answer([aCase({ id: 'c1', queueId: 'q2' }), aCase({ id: 'c2', queueId: 'q1', status: 'closed' }), aCase({ id: 'c3', queueId: 'q1' })]);

    // The read of the cache may land after the move's answer: the outcome follows it.
    expect(await within(outcome).findByText('1 of 3 cases moved')).toBeTruthy();
    expect(within(outcome).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Maria Wiśniewska (c2): the case was resolved or closed',
      'Tom Smith (c3): the server did not move it (the agent or queue may not take it)',
    ]);
  });
});
