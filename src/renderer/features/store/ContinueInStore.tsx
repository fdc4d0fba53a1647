import { Alert, Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseChanged } from '../../lib/api/caseChanged';
import { useApi } from '../../lib/api/useApi';
import { useChannel, type ChannelError } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { TimelineEntry } from '../case/TimelineEntry';
import { useMinute } from '../case/useMinute';
import { useOrgReference } from '../case/useOrgReference';

/** Remote sessions whose summary and notes the staff member must see before talking to the customer. */
const HANDOVER_KINDS = new Set(['video', 'phone', 'note']);

/**
 * One case, ready to continue at the counter: the video-chat summary and notes (and the other hand-over notes)
 * in view, a note of the visit, and "Continue in store", which records the visit on this same case and takes it.
 */
export function ContinueInStore({ caseId, onContinued }: { caseId: string; onContinued(caseId: string): void }) {
  const { t } = useTranslation('store');
  const api = useApi();
  const org = useOrgReference();
  const now = useMinute() * 60_000;
  const view = useChannel('case.view', { caseId }, { refreshOn: (c) => caseChanged(c, caseId) });
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  const [text, setText] = useState('');
  const [storeId, setStoreId] = useState<string>('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ChannelError | null>(null);
  if (!view.data) return null;
  const handover = view.data.timeline.filter((i) => HANDOVER_KINDS.has(i.kind));
  const myStore = session.data?.staff.storeId ?? null;

  const submit = async () => {
    if (text.trim() === '') return;
    setSending(true);
    setError(null);
    const chosenStore = storeId || myStore;
    const result = await api.invoke('case.continueInStore', { caseId, text: text.trim(), ...(chosenStore ? { storeId: chosenStore } : {}) });
    setSending(false);
    if (result.ok) onContinued(caseId);
    else setError(result.error);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="continue-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="continue-title">
          {view.data.case.subject}
        </Title>
        <Text size="sm" fw={700}>
          {t('continue.handover')}
        </Text>
        {handover.length === 0 ? <Text c="dimmed">{t('continue.noHandover')}</Text> : null}
        {handover.map((entry) => (
          <TimelineEntry
            key={entry.id}
            entry={entry}
            org={org}
            now={now}
            held={null}
            customerName={view.data?.customer?.name ?? null}
            customerLanguage={view.data?.customer?.language}
          />
        ))}
        {myStore === null && org.stores.length > 0 ? (
          <NativeSelect
            label={t('continue.store')}
            value={storeId}
            data={[{ value: '', label: t('continue.chooseStore') }, ...org.stores.map((s) => ({ value: s.id, label: `${s.name}, ${s.city}` }))]}
            onChange={(e) => setStoreId(e.currentTarget.value)}
          />
        ) : null}
        <Textarea
          label={t('continue.note')}
          description={t('continue.noteHint')}
          rows={3}
          resize="vertical"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        {error ? (
          <Alert color="red" role="alert" title={t('continue.failed')}>
            {errorText(t, error)}
          </Alert>
        ) : null}
        <Button onClick={() => void submit()} loading={sending} disabled={text.trim() === '' || (myStore === null && storeId === '')}>
          {t('continue.action')}
        </Button>
      </Stack>
    </Paper>
  );
}
