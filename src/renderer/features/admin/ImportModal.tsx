import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/ipc/contract';
import { MAX_IMPORT_CSV_CHARS, type ImportKind, type ImportProgress, type ImportSummary } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';
import { adminRefusal } from './refusal';

type OnMatch = 'update' | 'skip';
/** A refusal as shown: translated, with the hub's own words (which say the line and column of a broken file). */
type Problem = { text: string; detail: string | null };

/**
 * Importing a CSV file: the file is read here as text, the hub says what importing it would do (counts and
 * every bad row), and only Import writes, all or nothing. People created by a staff import are shown with their
 * one-time passwords once; closing forgets them.
 */
export function ImportModal({ kind, onClose }: { kind: ImportKind; onClose(): void }) {
  const { t } = useTranslation('admin');
  const api = useApi();
  const [csv, setCsv] = useState<string | null>(null);
  const [onMatch, setOnMatch] = useState<OnMatch>('update');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  /** How far the hub has come with the import being applied (none while it checks the file). */
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEvent('admin.importProgress', (p) => p.kind === kind && setProgress(p));

  const request = (text: string, match: OnMatch) => (kind === 'customers' ? { kind, csv: text, onMatch: match, skipBadRows } : { kind, csv: text, skipBadRows });

  async function send(call: () => Promise<IpcResult<ImportSummary>>): Promise<ImportSummary | null> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setProblem(result.ok ? null : { text: adminRefusal(t, result.error).text, detail: result.error.field === 'csv' ? result.error.message : null });
    return result.ok ? result.value : null;
  }

  async function previewOf(text: string, match: OnMatch) {
    setPreview(null);
    setPreview(await send(() => api.invoke('admin.previewImport', request(text, match))));
  }

  async function choose(file: File | undefined) {
    setCsv(null);
    setPreview(null);
    setProblem(null);
    if (!file) return;
    // UTF-8 takes at least a byte a character: a file within the limit in bytes is within it in characters.
    if (file.size > MAX_IMPORT_CSV_CHARS) return setProblem({ text: t('import.tooLarge', { mib: MAX_IMPORT_CSV_CHARS / 1024 / 1024 }), detail: null });
    const text = await readText(file).catch(() => null);
    if (text === null) return setProblem({ text: t('import.unreadable'), detail: null });
    setCsv(text);
    await previewOf(text, onMatch);
  }

  async function apply() {
    if (csv === null) return;
    setProgress(null);
    const summary = await send(() => api.invoke('admin.applyImport', request(csv, onMatch)));
    setProgress(null);
    if (summary) {
      setCsv(null);
      setDone(summary);
    }
  }

  const writes = preview ? preview.create + preview.update : 0;
  const progressText = progress ? t(`import.progress.${kind}`, { done: progress.done, total: progress.total }) : undefined;
  const blocked = preview === null || writes === 0 || (preview.bad.length > 0 && !skipBadRows);
  return (
    <Modal opened onClose={onClose} size="xl" title={t(`import.title.${kind}`)}>
      {done ? (
        <Stack gap="sm">
          <Text>{t('import.done', { create: done.create, update: done.update, skip: done.skip, bad: done.bad.length })}</Text>
          {done.people.length > 0 && <Passwords people={done.people} />}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('otp.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t(`import.columns.${kind}`)}</Text>
          <input type="file" accept=".csv,text/csv" aria-label={t('import.file')} disabled={busy} onChange={(e) => void choose(e.currentTarget.files?.[0])} />
          {kind === 'customers' && (
            <SegmentedControl
              aria-label={t('import.onMatch')}
              value={onMatch}
              disabled={busy}
              onChange={(v) => {
                setOnMatch(v as OnMatch);
                if (csv !== null) void previewOf(csv, v as OnMatch);
              }}
              data={(['update', 'skip'] as const).map((v) => ({ value: v, label: t(`import.match.${v}`) }))}
            />
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem.text}
              {problem.detail && (
                <Code block mt="xs">
                  {problem.detail}
                </Code>
              )}
            </Alert>
          )}
          {busy && progress === null && <Text c="dimmed">{t('import.checking')}</Text>}
          {busy && progress !== null && (
            <Stack gap={4}>
              <Text size="sm">{progressText}</Text>
              <Progress.Root transitionDuration={200}>
                <Progress.Section value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} aria-label={progressText} />
              </Progress.Root>
            </Stack>
          )}
          {preview && (
            <>
              <Text fw={500}>{t(`import.preview.${kind}`, { create: preview.create, update: preview.update, skip: preview.skip, bad: preview.bad.length })}</Text>
              {preview.bad.length > 0 && (
                <>
                  <Table striped aria-label={t('import.badRows')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.line')}</Table.Th>
                        <Table.Th>{t('import.field')}</Table.Th>
                        <Table.Th>{t('import.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.bad.map((b, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{b.line}</Table.Td>
                          <Table.Td>{b.field}</Table.Td>
                          <Table.Td>{b.reason}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Checkbox label={t('import.skipBadRows')} checked={skipBadRows} onChange={(e) => setSkipBadRows(e.currentTarget.checked)} />
                </>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void apply()} loading={busy} disabled={blocked}>
              {t('import.apply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A file's text as UTF-8 (FileReader: Blob.text is missing from some engines the renderer is tested in). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

/** The people a staff import created with their one-time passwords, shown once, copied as `username,password` lines. */
function Passwords({ people }: { people: ImportSummary['people'] }) {
  const { t } = useTranslation('admin');
  const lines = ['username,password', ...people.map((p) => `${p.username},${p.oneTimePassword}`)].join('\n');
  return (
    <Stack gap="xs">
      <Text size="sm">{t('otp.explain')}</Text>
      <Table aria-label={t('otp.label')}>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.username}</Table.Td>
              <Table.Td>
                <Code>{p.oneTimePassword}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CopyButton value={lines}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? t('otp.copied') : t('otp.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
