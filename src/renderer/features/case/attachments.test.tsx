// @vitest-environment jsdom
import '../../test/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../../shared/domain';
import { SAMPLE_FILES } from '../../../shared/testing/sampleFiles';
import { aCase } from '../../test/builders';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/renderWithProviders';
import { toBase64 } from './attachmentData';
import { Composer } from './Composer';
import { TimelineAttachments } from './TimelineAttachments';
import { useComposer } from './useComposer';

const photo: AttachmentRef = { sha256: 'a'.repeat(64), name: 'parcel.jpg', type: 'image/jpeg', size: SAMPLE_FILES.jpeg.length };
const invoice: AttachmentRef = { sha256: 'b'.repeat(64), name: 'faktura.pdf', type: 'application/pdf', size: 2_400_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('files in the timeline', () => {
  it('shows a picture as a thumbnail that opens large, and another file by name and size, saved on demand', async () => {
    const fake = fakeApi({ 'attachment.get': (ref) => ({ data: toBase64(ref.type === 'image/jpeg' ? SAMPLE_FILES.jpeg : SAMPLE_FILES.pdf) }) });
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:file'), revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithProviders(<TimelineAttachments files={[photo, invoice]} />, { fake });

    const thumbnail = await screen.findByRole('img', { name: 'parcel.jpg' });
    expect(thumbnail.getAttribute('src')).toBe(`data:image/jpeg;base64,${toBase64(SAMPLE_FILES.jpeg)}`);
    // Only the picture is fetched to be shown; the PDF waits until it is saved.
    expect(fake.calls('attachment.get')).toEqual([photo]);
    expect(screen.getByText('faktura.pdf')).toBeTruthy();
    expect(screen.getByText('2.3 MB')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Open parcel.jpg' }));
    expect(within(await screen.findByRole('dialog', { name: 'parcel.jpg' })).getByRole('img', { name: 'parcel.jpg' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Save faktura.pdf' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fake.calls('attachment.get')).toEqual([photo, invoice]);
    expect(created.at(-1)).toMatchObject({ type: 'application/pdf', size: SAMPLE_FILES.pdf.length });
    click.mockRestore();
  });

  it('says when a file was never opened here and the workstation is offline', async () => {
    const fake = fakeApi({ 'attachment.get': () => ({ ok: false, error: { code: 'offline', message: 'offline' } }) });
    renderWithProviders(<TimelineAttachments files={[photo]} />, { fake, lng: 'pl' });
    expect(await screen.findByText('Pliku parcel.jpg nie otwierano jeszcze na tym stanowisku: potrzebne jest połączenie z serwerem.')).toBeTruthy();
  });
});

function ComposerUnderTest() {
  const composer = useComposer('chat', 'Broken parcel');
  return <Composer kase={aCase({ id: 'c1' })} composer={composer} channels={['chat', 'email']} canned={[]} onTyping={() => {}} />;
}

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });
const fileInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('files on a reply', () => {
  it('uploads picked and dropped files, shows the limits, and sends the reply with them', async () => {
    const uploaded: AttachmentRef[] = [];
    const fake = fakeApi({
      'attachment.upload': ({ name, type, data }) => {
        const ref = { sha256: String(uploaded.length).repeat(64), name, type: type as AttachmentRef['type'], size: atob(data).length };
        uploaded.push(ref);
        return ref;
      },
      'case.reply': () => ({ mutationId: 'm1', state: 'pending' }),
    });
    const { container } = renderWithProviders(<ComposerUnderTest />, { fake });
    expect(screen.getByText('Up to 10 files, 10 MB each: photos (JPEG, PNG, GIF, WebP), PDF, text and CSV.')).toBeTruthy();

    await userEvent.upload(fileInput(container), fileOf(SAMPLE_FILES.png, 'label.png', 'image/png'));
    // Reading the file is asynchronous: on a loaded machine it can finish after upload() resolves.
    await waitFor(() => expect(fake.calls('attachment.upload')).toEqual([{ name: 'label.png', type: 'image/png', data: toBase64(SAMPLE_FILES.png) }]));
    const section = screen.getByRole('region', { name: 'Write a reply or a note' });
    fireEvent.drop(section, { dataTransfer: { files: [fileOf(SAMPLE_FILES.csv, 'orders.csv', '')] } });
    // A file the system gives no type gets its extension's.
    await waitFor(() => expect(fake.calls('attachment.upload').at(-1)).toMatchObject({ name: 'orders.csv', type: 'text/csv' }));
    const list = await screen.findByRole('list', { name: 'Files on this reply' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));

    await userEvent.click(screen.getByRole('button', { name: 'Remove orders.csv' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Reply by/ }), 'Here is the return label');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(fake.calls('case.reply')).toEqual([{ caseId: 'c1', channel: 'chat', text: 'Here is the return label', attachments: [uploaded[0]] }]));
    // The next reply starts without files.
    expect(screen.queryByRole('list', { name: 'Files on this reply' })).toBeNull();
  });

  it('explains each refusal, naming the file: disguised, too large, offline', async () => {
    const fake = fakeApi({
      'attachment.upload': ({ name }) =>
        name === 'invoice.pdf'
          ? { ok: false, error: { code: 'attachment-refused', message: 'x', field: 'type-mismatch' } }
          : { ok: false, error: { code: 'offline', message: 'offline' } },
    });
    const { container } = renderWithProviders(<ComposerUnderTest />, { fake });
    await userEvent.upload(fileInput(container), [
      fileOf(SAMPLE_FILES.exe, 'invoice.pdf', 'application/pdf'),
      fileOf(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'huge.png', 'image/png'),
      fileOf(SAMPLE_FILES.gif, 'smile.gif', 'image/gif'),
    ]);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(within(alert).getAllByText(/./)).toHaveLength(4));
    expect(within(alert).getByText('invoice.pdf is not what its name or type says (for example a renamed program), so it cannot be attached.')).toBeTruthy();
    expect(within(alert).getByText('huge.png is larger than 10 MB.')).toBeTruthy();
    expect(within(alert).getByText('smile.gif was not attached: attaching files needs a connection to the server.')).toBeTruthy();
    // The too-large file never went to the engine.
    expect(fake.calls('attachment.upload').map((c) => c.name)).toEqual(['invoice.pdf', 'smile.gif']);
    expect(screen.queryByRole('list', { name: 'Files on this reply' })).toBeNull();
  });

  it('offers no files on an internal note', async () => {
    renderWithProviders(<ComposerUnderTest />);
    await userEvent.click(screen.getByText('Internal note'));
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
  });
});
