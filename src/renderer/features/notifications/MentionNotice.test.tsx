// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { NotificationCenter } from './NotificationCenter';

const mention: EventPayload<'mention.new'> = {
  caseId: 'c7',
  interactionId: 'in9',
  authorId: 's2',
  authorName: 'Łukasz Wiśniewski',
  caseSubject: 'Refund for order 1182',
  excerpt: '@Anna Nowak can you call her back?',
};

describe('NotificationCenter: mentions', () => {
  it('says who mentioned me on which case and what they wrote, once, and opens the case', async () => {
    const onOpenCase = vi.fn();
    const { fake } = renderWithProviders(<NotificationCenter onOpenCase={onOpenCase} openCaseId={null} />, { fake: fakeApi() });
    act(() => fake.emit('mention.new', mention));
    act(() => fake.emit('mention.new', mention));
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('You were mentioned');
    expect(notice.textContent).toContain('Łukasz Wiśniewski mentioned you in a note on “Refund for order 1182”:');
    expect(notice.textContent).toContain('@Anna Nowak can you call her back?');
    expect(screen.getAllByRole('status')).toHaveLength(1);
    await userEvent.click(within(notice).getByRole('button', { name: 'Open case' }));
    expect(onOpenCase).toHaveBeenCalledWith('c7');
  });

  it('speaks Greek', () => {
    const { fake } = renderWithProviders(<NotificationCenter onOpenCase={() => {}} openCaseId={null} />, { fake: fakeApi(), lng: 'el' });
    act(() => fake.emit('mention.new', mention));
    expect(screen.getByRole('status').textContent).toContain('Σας ανέφεραν');
  });
});
