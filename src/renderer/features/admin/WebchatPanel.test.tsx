// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Queue } from '../../../shared/domain';
import type { WebchatSettingsView } from '../../../shared/protocol';
import { aSession } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { aQueue } from '../../test/renderConsole';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AdminConsole } from './AdminConsole';
import { WebchatPanel } from './WebchatPanel';

const SNIPPET = '<script src="https://hub.example/widget.js" data-queue="QUEUE_ID" async></script>';
const queues: Queue[] = [aQueue({ id: 'q-chat', name: 'Chat support' }), aQueue({ id: 'q-returns', name: 'Returns' }), aQueue({ id: 'q-old', name: 'Old', archived: true })];
const view = (allowedOrigins: string[], updatedAt: number | null = null): WebchatSettingsView => ({ allowedOrigins, snippet: SNIPPET, updatedAt });

function setup(handlers: FakeHandlers = {}, origins = ['https://shop.example']) {
  const hub = { settings: view(origins, Date.UTC(2026, 11, 1, 9, 30)) };
  const fake = fakeApi({
    'admin.webchat': () => hub.settings,
    'admin.setWebchat': ({ allowedOrigins }) => (hub.settings = view(allowedOrigins, Date.UTC(2026, 11, 3, 10, 0))),
    ...handlers,
  });
  const rendered = renderWithProviders(<WebchatPanel queues={queues} />, { fake });
  return { ...rendered, fake, hub };
}

const originInput = () => screen.getByRole('textbox', { name: /^Add an origin/ });
const listed = () => within(screen.getByRole('list', { name: 'Where it may be embedded' })).getAllByTestId('origin').map((o) => o.textContent);
async function typeOrigin(text: string) {
  await userEvent.clear(originInput());
  await userEvent.type(originInput(), `${text}{Enter}`);
}

describe('the Web chat tab', () => {
  it('adds origins written as browsers send them, refusing the rest with a clear reason', async () => {
    setup();
    await screen.findByText('https://shop.example');
    for (const [typed, reason] of [
      ['https://shop.example/', /no slash at the end/],
      ['javascript:alert(1)', /This is not an origin/],
      ['shop.example', /This is not an origin/],
      ['https://user@shop.example', /This is not an origin/],
      ['HTTPS://SHOP.EXAMPLE', /already in the list/],
    ] as const) {
      await typeOrigin(typed);
      expect(originInput().getAttribute('aria-invalid'), typed).toBe('true');
      expect(screen.getByText(reason)).toBeTruthy();
    }
    expect(listed()).toEqual(['https://shop.example']);
    // Typing again clears the reason; a good origin is added lower-cased and the field empties.
    await typeOrigin(' http://LOCALHOST:8080 ');
    expect(originInput().getAttribute('aria-invalid')).not.toBe('true');
    expect(listed()).toEqual(['https://shop.example', 'http://localhost:8080']);
    expect((originInput() as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Not saved yet')).toBeTruthy();
  });

  it('holds at most 50 origins, as the hub does', async () => {
    setup({}, Array.from({ length: 50 }, (_, i) => `https://shop${i}.example`));
    await screen.findByText('https://shop49.example');
    await typeOrigin('https://one-more.example');
    expect(screen.getByText('The list holds at most 50 origins: remove one first.')).toBeTruthy();
  });

  it('saves the whole list (removals too) and shows when it last changed', async () => {
    const { fake } = setup({}, ['https://shop.example', 'https://old-shop.example']);
    expect(await screen.findByText(/^Last changed /)).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Remove https://old-shop.example' }));
    await typeOrigin('https://www.shop.example');
    await userEvent.click(save);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved. The web chat follows the new list at once.');
    expect(fake.calls('admin.setWebchat')).toEqual([{ allowedOrigins: ['https://shop.example', 'https://www.shop.example'] }]);
    // The list is the hub's answer, shown without asking again.
    expect(listed()).toEqual(['https://shop.example', 'https://www.shop.example']);
    expect(fake.calls('admin.webchat')).toHaveLength(1);
    expect(save.hasAttribute('disabled')).toBe(true);

    // Emptied and saved: no page can embed it any more, and the tab says so.
    await userEvent.click(screen.getByRole('button', { name: 'Remove https://shop.example' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove https://www.shop.example' }));
    await userEvent.click(save);
    await waitFor(() => expect(fake.calls('admin.setWebchat').at(-1)).toEqual({ allowedOrigins: [] }));
    expect(await screen.findByText('No origin yet: the web chat works on no page.')).toBeTruthy();
  });

  it('shows the hub’s refusal and keeps the edits', async () => {
    setup({ 'admin.setWebchat': () => ({ ok: false, error: { code: 'invalid-input', message: 'allowedOrigins.1: bad', field: 'allowedOrigins.1' } }) });
    await screen.findByText('https://shop.example');
    await typeOrigin('https://b.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^An origin is scheme:\/\/host/);
    expect(listed()).toEqual(['https://shop.example', 'https://b.example']);
    expect(screen.getByText('Not saved yet')).toBeTruthy();
  });

  it('says what is wrong when the settings cannot be read (offline)', async () => {
    setup({ 'admin.webchat': () => ({ ok: false, error: { code: 'offline', message: 'offline' } }) });
    expect((await screen.findByRole('alert')).textContent).toBe('This needs a connection to the server.');
  });

  it('gives the tag for the queue chosen (open queues only) and copies it', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    setup();
    const tag = await screen.findByTestId('webchat-snippet');
    expect(tag.textContent).toBe('<script src="https://hub.example/widget.js" data-queue="q-chat" async></script>');
    const queue = screen.getByRole('combobox', { name: 'Queue' });
    expect(within(queue).getAllByRole('option').map((o) => o.textContent)).toEqual(['Chat support', 'Returns']);
    await userEvent.selectOptions(queue, 'q-returns');
    expect(tag.textContent).toBe('<script src="https://hub.example/widget.js" data-queue="q-returns" async></script>');
    await userEvent.click(screen.getByRole('button', { name: 'Copy the tag' }));
    expect(writeText).toHaveBeenCalledWith('<script src="https://hub.example/widget.js" data-queue="q-returns" async></script>');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    // How a shop says who is signed in.
    expect(screen.getByText(/data-customer-signature, the HMAC-SHA256 of that id in hexadecimal, keyed with the chat connector's inbound secret/)).toBeTruthy();
  });

  it('is a tab of the admin console (its own test shows supervisors do not get it), and speaks Polish and Greek', async () => {
    const fake = fakeApi({
      'reference.org': () => ({ queues, staff: [], stores: [] }),
      'admin.knowledge': () => ({ kb: [], canned: [] }),
      'admin.webchat': () => view(['https://shop.example']),
    });
    const { i18n } = renderWithProviders(<AdminConsole session={aSession({ id: 'adm', role: 'admin' })} />, { fake });
    await userEvent.click(await screen.findByRole('tab', { name: 'Web chat' }));
    const panel = screen.getByRole('tabpanel', { name: 'Web chat' });
    expect(await within(panel).findByText('https://shop.example')).toBeTruthy();
    await act(() => i18n.changeLanguage('pl'));
    expect(within(panel).getByRole('button', { name: 'Kopiuj znacznik' })).toBeTruthy();
    expect(within(panel).getByRole('textbox', { name: /^Dodaj źródło/ })).toBeTruthy();
    await act(() => i18n.changeLanguage('el'));
    expect(screen.getByRole('tab', { name: 'Συνομιλία ιστοτόπου' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Αντιγραφή της ετικέτας' })).toBeTruthy();
  });
});
