// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CannedResponse, KbArticle, Queue, Role } from '../../../shared/domain';
import type { ImportSummary } from '../../../shared/protocol';
import { aSession, aStaff } from '../../test/builders';
import { fakeApi, type FakeHandlers } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AdminConsole } from './AdminConsole';

const queue = { id: 'q1', name: 'Chat', channels: ['chat'], languages: ['en'], skills: [], memberIds: ['a1'], archived: false } as unknown as Queue;
const emailQueue = { ...queue, id: 'q2', name: 'Email', channels: ['email'], memberIds: [] } as Queue;
const store = { id: 's1', name: 'Main Street', city: 'Kraków' };
const article = { id: 'kb1', queueId: 'q1', language: 'en', title: 'Returns policy', body: 'Thirty days.', tags: ['returns'], status: 'draft', updatedAt: 1 } satisfies KbArticle;
const canned = { id: 'cr1', queueId: null, language: 'pl', shortcut: 'hello', title: 'Greeting', body: 'Dzień dobry!' } satisfies CannedResponse;
const agent = aStaff({ id: 'a1', username: 'anna', name: 'Anna Nowak', role: 'agent' });
const other = aStaff({ id: 'a2', username: 'bob', name: 'Bob Brown', role: 'agent' });

function setup(handlers: FakeHandlers, role: Role = 'admin') {
  const fake = fakeApi({
    'reference.org': () => ({ queues: [queue, emailQueue], staff: [{ ...agent, local: [] }, { ...other, local: [] }], stores: [store] }),
    'admin.knowledge': () => ({ kb: [article], canned: [canned] }),
    'admin.policy': () => ({ maxOfflineHours: 72, idleLockMinutes: 15 }),
    ...handlers,
  });
  renderWithProviders(<AdminConsole session={aSession({ id: 'adm', role })} />, { fake });
  return fake;
}

async function pick(field: RegExp, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: field }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

async function fillNewPerson(username: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Add person' }));
  const form = await screen.findByRole('dialog', { name: 'Add person' });
  await userEvent.type(within(form).getByLabelText(/^Username/), username);
  await userEvent.type(within(form).getByLabelText(/^Display name/), 'Ewa Nowak');
  return form;
}

describe('AdminConsole', () => {
  it('adds a person and shows their one-time password once', async () => {
    const fake = setup({ 'admin.createStaff': (input) => ({ ...aStaff({ id: 'n1', username: input.username, name: input.name }), oneTimePassword: 'Xy7-one-time-pass_20' }) });
    const form = await fillNewPerson('ewa');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const shown = await screen.findByRole('dialog', { name: 'One-time password for Ewa Nowak' });
    expect(within(shown).getByLabelText('One-time password').textContent).toBe('Xy7-one-time-pass_20');
    expect(fake.calls('admin.createStaff')).toEqual([expect.objectContaining({ username: 'ewa', name: 'Ewa Nowak', role: 'agent' })]);
    expect(fake.calls('admin.createStaff')[0]).not.toHaveProperty('password');
    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('Xy7-one-time-pass_20')).toBeNull());
  });

  it('shows a refusal of the hub translated at the field it names', async () => {
    setup({ 'admin.createStaff': () => ({ ok: false, error: { code: 'conflict', message: 'username: anna is taken', field: 'username' } }) });
    const form = await fillNewPerson('anna');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const input = within(form).getByLabelText(/^Username/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('This username is taken.')).toBeTruthy();
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('asks where open cases go before deactivating someone who holds them', async () => {
    const fake = setup({
      'admin.openCases': () => ({ count: 3 }),
      'admin.deactivateStaff': () => ({ ...agent, active: false, version: 2 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Anna Nowak' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Anna Nowak' });
    expect(await within(dialog).findByText('They hold 3 open cases. Choose who takes them.')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Deactivate' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move to' }));
    await userEvent.click(within(await screen.findByRole('listbox', { name: 'Move to' })).getByRole('option', { name: 'Chat' }));
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('admin.deactivateStaff')).toEqual([{ staffId: 'a1', moveCasesTo: { queueId: 'q1' } }]));
  });

  it('adds a queue with what the form says and the hub defaults for the rest', async () => {
    const fake = setup({ 'admin.createQueue': (input) => ({ ...queue, ...input, id: 'q9', version: 1 }) as Queue });
    await userEvent.click(await screen.findByRole('tab', { name: 'Queues' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add queue' }));
    const form = await screen.findByRole('dialog', { name: 'Add queue' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/^Name/));
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Returns');
    await pick(/^Channels/, 'Email');
    await pick(/^Members/, 'Bob Brown');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.calls('admin.createQueue')).toEqual([
        {
          name: 'Returns',
          channels: ['email'],
          languages: ['en'],
          skills: [],
          sla: { firstResponseMinutes: 60, nextResponseMinutes: 240 },
          csatAlertThreshold: 4,
          alertStaffIds: [],
          alertAckMinutes: 30,
          memberIds: ['a2'],
          country: null,
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add queue' })).toBeNull());
  });

  it('asks which queue takes the open cases before archiving a queue that has them', async () => {
    const fake = setup({
      'admin.openCases': (of) => ({ count: 'queueId' in of && of.queueId === 'q1' ? 2 : 0 }),
      'admin.archiveQueue': () => ({ ...queue, archived: true, version: 2 }) as Queue,
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Queues' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Chat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archive Chat' });
    expect(await within(dialog).findByText('It has 2 open cases. Choose the queue that takes them.')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Archive' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Move open cases to' }));
    const offered = within(await screen.findByRole('listbox', { name: 'Move open cases to' })).getAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['Email']);
    await userEvent.click(offered[0]!);
    await userEvent.click(confirm);
    await waitFor(() => expect(fake.calls('admin.archiveQueue')).toEqual([{ queueId: 'q1', moveCasesTo: { queueId: 'q2' } }]));
  });

  it('asks where the cases go when the hub knows of open cases this workstation does not hold', async () => {
    setup({
      'admin.openCases': () => ({ count: 0 }),
      'admin.archiveQueue': () => ({ ok: false, error: { code: 'conflict', message: 'queue has open cases' } }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Queues' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Chat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archive Chat' });
    expect(within(dialog).queryByRole('combobox', { name: 'Move open cases to' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Archive' }));
    expect(await within(dialog).findByText('It has open cases. Choose the queue that takes them.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Archive' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows a taken canned shortcut at the shortcut field', async () => {
    const fake = setup({ 'admin.createCanned': () => ({ ok: false, error: { code: 'conflict', message: 'shortcut: hello is taken', field: 'shortcut' } }) });
    await userEvent.click(await screen.findByRole('tab', { name: 'Canned responses' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add canned response' }));
    const form = await screen.findByRole('dialog', { name: 'Add canned response' });
    await userEvent.type(within(form).getByLabelText(/^Shortcut/), 'hello');
    await userEvent.type(within(form).getByLabelText(/^Title/), 'Hi');
    await userEvent.type(within(form).getByLabelText(/^Text/), 'Hello there');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const input = within(form).getByLabelText(/^Shortcut/);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('This shortcut is taken in this language.')).toBeTruthy();
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(fake.calls('admin.createCanned')).toEqual([{ shortcut: 'hello', title: 'Hi', body: 'Hello there', language: 'en', queueId: null, sets: null }]);
  });

  it('shows a supervisor every list read-only', async () => {
    setup({}, 'supervisor');
    const tabs = ['People', 'Queues', 'Stores', 'Knowledge base', 'Canned responses'];
    expect((await screen.findAllByRole('tab')).map((tab) => tab.textContent)).toEqual(tabs);
    const rows: Record<string, string> = { Queues: 'Email', Stores: 'Main Street', 'Knowledge base': 'Returns policy', 'Canned responses': '/hello' };
    for (const [tab, row] of Object.entries(rows)) {
      await userEvent.click(screen.getByRole('tab', { name: tab }));
      const panel = screen.getByRole('tabpanel', { name: tab });
      expect(await within(panel).findByRole('row', { name: new RegExp(`^${row} `) })).toBeTruthy();
      expect(within(panel).queryAllByRole('button')).toEqual([]);
    }
  });
});

describe('AdminConsole: CSV import', () => {
  const file = (text: string) => new File([text], 'people.csv', { type: 'text/csv' });
  const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({ dryRun: true, create: 0, update: 0, skip: 0, bad: [], people: [], ...over });

  it('previews a staff file with its bad rows, imports only when told to skip them, and shows the one-time passwords once', async () => {
    const csv = 'username,name,role\newa,Ewa Nowak,agent\nx,Bad,boss\n';
    const fake = setup({
      'admin.previewImport': () => summary({ create: 1, bad: [{ line: 3, field: 'role', reason: 'Invalid option' }] }),
      'admin.applyImport': () => summary({ dryRun: false, create: 1, bad: [{ line: 3, field: 'role', reason: 'Invalid option' }], people: [{ id: 'n1', username: 'ewa', name: 'Ewa Nowak', oneTimePassword: 'Xy7-one-time-pass_20' }] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Import CSV…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import people' });
    await userEvent.upload(within(dialog).getByLabelText('CSV file'), file(csv));
    expect(await within(dialog).findByText('1 people to create, 1 bad rows.')).toBeTruthy();
    const bad = within(dialog).getByRole('table', { name: 'Bad rows' });
    expect(within(bad).getAllByRole('row')[1].textContent).toBe('3roleInvalid option');
    expect(fake.calls('admin.previewImport')).toEqual([{ kind: 'staff', csv, skipBadRows: false }]);

    const importButton = within(dialog).getByRole('button', { name: 'Import' });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Import the other rows and leave the bad ones out' }));
    await userEvent.click(importButton);
    expect(fake.calls('admin.applyImport')).toEqual([{ kind: 'staff', csv, skipBadRows: true }]);
    const passwords = await within(dialog).findByRole('table', { name: 'One-time password' });
    expect(passwords.textContent).toBe('Ewa NowakewaXy7-one-time-pass_20');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('Xy7-one-time-pass_20')).toBeNull());
  });

  it('imports customers with the chosen on-match and its progress, writes nothing on cancel, and shows why a file is refused', async () => {
    const csv = 'name,email\nAnna,anna@example.com\n';
    let finish = () => {};
    const fake = setup({
      'admin.previewImport': (input) => (input.csv.startsWith('nom') ? { ok: false, error: { code: 'invalid-input', message: 'line 1: "nom" (column 1) is not a column of this import', field: 'csv' } } : summary({ create: 1, update: input.kind === 'customers' && input.onMatch === 'update' ? 2 : 0, skip: input.kind === 'customers' && input.onMatch === 'skip' ? 2 : 0 })),
      'admin.applyImport': () => new Promise((resolve) => (finish = () => resolve(summary({ dryRun: false, create: 1, skip: 2 })))),
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'Customers' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Import customers…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await userEvent.upload(within(dialog).getByLabelText('CSV file'), file(csv));
    expect(await within(dialog).findByText('1 to create, 2 to update, 0 matching and left out, 0 bad rows.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls('admin.applyImport')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Import customers…' }));
    dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await userEvent.upload(within(dialog).getByLabelText('CSV file'), file('nom,courriel\nAnna,a@b.pl\n'));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('"nom" (column 1) is not a column');
    expect(within(dialog).getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(true);

    await userEvent.upload(within(dialog).getByLabelText('CSV file'), file(csv));
    await within(dialog).findByText('1 to create, 2 to update, 0 matching and left out, 0 bad rows.');
    await userEvent.click(within(dialog).getByText('Is left out'));
    expect(await within(dialog).findByText('1 to create, 0 to update, 2 matching and left out, 0 bad rows.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Checking the file…')).toBeTruthy();
    act(() => fake.emit('admin.importProgress', { kind: 'staff', done: 5, total: 10 }));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    act(() => fake.emit('admin.importProgress', { kind: 'customers', done: 1, total: 4 }));
    expect(within(dialog).getByText('Writing customers: 1 of 4')).toBeTruthy();
    expect(within(dialog).getByRole('progressbar', { name: 'Writing customers: 1 of 4' }).getAttribute('aria-valuenow')).toBe('25');
    finish();
    expect(await within(dialog).findByText('Imported: 1 created, 0 updated, 2 left out, 0 bad rows left out.')).toBeTruthy();
    expect(fake.calls('admin.applyImport')).toEqual([{ kind: 'customers', csv, onMatch: 'skip', skipBadRows: false }]);
  });
});
