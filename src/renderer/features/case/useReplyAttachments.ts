import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentRef } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { fileTypeOf, formatSize, oneFileAtATime, readBytes, toBase64 } from './attachmentData';

/** A file on the reply being written: uploading, or on the hub with its reference. */
export interface DraftFile {
  key: string;
  name: string;
  ref: AttachmentRef | null;
}

let nextKey = 0;

/**
 * The files of the reply being written: each uploaded through the engine as soon as it is picked or dropped,
 * refused with a reason naming it (type, size, the bytes not being what the name says, offline).
 */
export function useReplyAttachments() {
  const { t, i18n } = useTranslation('case');
  const api = useApi();
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  const add = useCallback(
    async (picked: readonly File[]) => {
      setProblems([]);
      const room = MAX_ATTACHMENTS - files.length;
      if (picked.length > room) setProblems((p) => [...p, t('attachments.tooMany', { count: MAX_ATTACHMENTS })]);
      await Promise.all(
        picked.slice(0, Math.max(0, room)).map(async (file) => {
          const name = file.name;
          // Too large is refused before reading it: a huge file would cost memory for nothing.
          if (file.size > MAX_ATTACHMENT_BYTES) {
            setProblems((p) => [...p, t('attachments.problem.too-large', { name, max: formatSize(i18n.language, MAX_ATTACHMENT_BYTES) })]);
            return;
          }
          const key = `f${nextKey++}`;
          setFiles((f) => [...f, { key, name, ref: null }]);
          const data = toBase64(await readBytes(file));
          const result = await oneFileAtATime(() => api.invoke('attachment.upload', { name, type: fileTypeOf(file), data }));
          if (result.ok) {
            setFiles((f) => f.map((d) => (d.key === key ? { ...d, ref: result.value } : d)));
            return;
          }
          setFiles((f) => f.filter((d) => d.key !== key));
          const { code, field } = result.error;
          const text =
            code === 'attachment-refused' && field
              ? t(`attachments.problem.${field}`, { name, max: formatSize(i18n.language, MAX_ATTACHMENT_BYTES) })
              : code === 'offline' || code === 'hub-unreachable'
                ? t('attachments.offline', { name })
                : `${name}: ${errorText(t, result.error)}`;
          setProblems((p) => [...p, text]);
        }),
      );
    },
    [api, files.length, i18n.language, t],
  );

  return {
    files,
    problems,
    add,
    remove: (key: string) => setFiles((f) => f.filter((d) => d.key !== key)),
    /** After sending: the next reply starts without files. */
    clear: () => {
      setFiles([]);
      setProblems([]);
    },
    uploading: files.some((f) => f.ref === null),
    refs: files.flatMap((f) => (f.ref ? [f.ref] : [])),
  };
}
export type ReplyAttachments = ReturnType<typeof useReplyAttachments>;
