import { Button, Group, Image, Modal, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isImageType, type AttachmentRef } from '../../../shared/domain';
import type { ChannelError } from '../../lib/api/useChannel';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { formatSize, oneFileAtATime, saveFile } from './attachmentData';

/** A file's bytes from the engine (its cache, or the hub once), as base64; null while they come. */
function useFileData(ref: AttachmentRef, wanted: boolean) {
  const api = useApi();
  const [state, setState] = useState<{ data: string | null; error: ChannelError | null }>({ data: null, error: null });
  const { sha256, name, type, size } = ref;
  // By its fields, not the object: a refreshed timeline brings equal references that need no new fetch.
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void oneFileAtATime(() => api.invoke('attachment.get', { sha256, name, type, size })).then((r) => {
      if (live) setState(r.ok ? { data: r.value.data, error: null } : { data: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, sha256, name, type, size, wanted]);
  return state;
}

/** Saves a file: fetched on demand when it was not shown yet. */
function SaveButton({ file, data }: { file: AttachmentRef; data: string | null }) {
  const { t } = useTranslation('case');
  const api = useApi();
  const [error, setError] = useState<ChannelError | null>(null);
  const save = async () => {
    if (data) return saveFile(file.name, file.type, data);
    const r = await oneFileAtATime(() => api.invoke('attachment.get', file));
    if (r.ok) saveFile(file.name, file.type, r.value.data);
    else setError(r.error);
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => void save()} aria-label={t('attachments.save', { name: file.name })}>
        {t('attachments.saveShort')}
      </Button>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error.code === 'offline' ? t('attachments.notHere', { name: file.name }) : errorText(t, error)}
        </Text>
      ) : null}
    </>
  );
}

/** A picture: a thumbnail that opens it large, with its name to save it by. */
function Picture({ file }: { file: AttachmentRef }) {
  const { t, i18n } = useTranslation('case');
  const { data, error } = useFileData(file, true);
  const [open, setOpen] = useState(false);
  const src = data ? `data:${file.type};base64,${data}` : null;
  return (
    <Stack gap={2} component="li">
      {src ? (
        <UnstyledButton onClick={() => setOpen(true)} aria-label={t('attachments.open', { name: file.name })}>
          <Image src={src} alt={file.name} h={96} w="auto" fit="contain" radius="sm" />
        </UnstyledButton>
      ) : error ? (
        <Text size="xs" c="dimmed" role="status">
          {error.code === 'offline' ? t('attachments.notHere', { name: file.name }) : t('attachments.loadFailed', { name: file.name })}
        </Text>
      ) : (
        <Skeleton h={96} w={128} aria-label={t('attachments.loading', { name: file.name })} />
      )}
      <Group gap={4} wrap="nowrap">
        <Text size="xs">{file.name}</Text>
        <Text size="xs" c="dimmed">
          {formatSize(i18n.language, file.size)}
        </Text>
        <SaveButton file={file} data={data} />
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={file.name} size="xl">
        {src ? <Image src={src} alt={file.name} fit="contain" /> : null}
      </Modal>
    </Stack>
  );
}

/** Another file: its name and size, saved on demand (a PDF or a text is never opened inside the workstation). */
function FileLine({ file }: { file: AttachmentRef }) {
  const { i18n } = useTranslation('case');
  return (
    <Group gap={4} wrap="nowrap" component="li">
      <Text size="xs" fw={600}>
        {file.name}
      </Text>
      <Text size="xs" c="dimmed">
        {formatSize(i18n.language, file.size)}
      </Text>
      <SaveButton file={file} data={null} />
    </Group>
  );
}

/** The files of one timeline entry: pictures as thumbnails, other files by name; each can be saved. */
export function TimelineAttachments({ files }: { files: readonly AttachmentRef[] }) {
  const { t } = useTranslation('case');
  return (
    <Stack gap={6} component="ul" aria-label={t('attachments.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((file) => (isImageType(file.type) ? <Picture key={file.sha256 + file.name} file={file} /> : <FileLine key={file.sha256 + file.name} file={file} />))}
    </Stack>
  );
}
