// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aMessage } from '../../test/builders';
import { renderCase } from '../../test/renderCase';
import { timelineAnchor } from './TimelineEntry';

const QUOTED = 'On Mon, 6 Jan 2025 at 10:00, Support <help@example.com> wrote:\n> Could you send a photo of the screen?\n> Kind regards';
const customerEmail = aMessage({ id: 'e1', kind: 'email', subject: 'Re: Cracked screen', text: `Here it is, the crack is on the left.\n\n${QUOTED}` });

const article = (id: string) => document.getElementById(timelineAnchor(id)) as HTMLElement;

describe('quoted history in a customer’s email', () => {
  it('is folded behind a button reached from the keyboard, which says whether it is open', async () => {
    renderCase({ timeline: [customerEmail] });
    await screen.findByText('Here it is, the crack is on the left.');
    const email = article('e1');
    expect(within(email).queryByText(/Could you send a photo/)).toBeNull();
    const toggle = within(email).getByRole('button', { name: 'Show quoted text' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide quoted text');
    const history = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(history.textContent).toBe(QUOTED);
    expect(history.hidden).toBe(false);

    await userEvent.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(email).queryByText(/Could you send a photo/)).toBeNull();
  });

  it('is left as written in our own emails, in other channels and in an email with nothing quoted', async () => {
    renderCase({
      timeline: [
        aMessage({ id: 'e2', kind: 'email', direction: 'outbound', authorId: 's1', text: `Thank you.\n\n${QUOTED}` }),
        aMessage({ id: 'c1', kind: 'chat', text: `Pasted:\n${QUOTED}` }),
        aMessage({ id: 'e3', kind: 'email', text: 'Just one line.' }),
      ],
    });
    await screen.findByText('Just one line.');
    expect(article('e2').textContent).toContain(`Thank you.\n\n${QUOTED}`);
    expect(article('c1').textContent).toContain(`Pasted:\n${QUOTED}`);
    expect(screen.queryByRole('button', { name: 'Show quoted text' })).toBeNull();
  });

  it('speaks Polish and Greek', async () => {
    const { i18n } = renderCase({ timeline: [customerEmail] });
    await screen.findByText('Here it is, the crack is on the left.');
    await act(() => i18n.changeLanguage('pl'));
    expect(screen.getByRole('button', { name: 'Pokaż cytowany tekst' })).toBeTruthy();
    await act(() => i18n.changeLanguage('el'));
    await userEvent.click(screen.getByRole('button', { name: 'Εμφάνιση παρατιθέμενου κειμένου' }));
    expect(screen.getByRole('button', { name: 'Απόκρυψη παρατιθέμενου κειμένου' })).toBeTruthy();
  });
});
