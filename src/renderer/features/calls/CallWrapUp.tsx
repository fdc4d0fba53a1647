import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WRAP_UP_OUTCOMES, type WrapUpOutcome } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { callClock, type WrapUp } from './callState';

/**
 * After a call I answered: its outcome (a fixed list) and my notes, saved as a note on the call's case through
 * the workstation's own mutation path (queued and synced like any note, offline too). Until the hub names the
 * case (a caller without an open case gets one when the call is recorded) it cannot be saved yet.
 */
export function CallWrapUp({ wrapUp, onOpenCase, onDone }: { wrapUp: WrapUp; onOpenCase(caseId: string): void; onDone(): void }) {
  const { t } = useTranslation('calls');
  const api = useApi();
  const [outcome, setOutcome] = useState<WrapUpOutcome>('resolved');
  const [notes, setNotes] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const { caseId } = wrapUp;
  const who = wrapUp.offer.customer?.name ?? wrapUp.offer.phone;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (caseId === null || saving) return;
    setSaving(true);
    const values = { outcome: t(`case:callOutcome.${outcome}`), duration: callClock(wrapUp.durationMs), notes: notes.trim() };
    const text = values.notes ? t('wrapUp.noteWithNotes', values) : t('wrapUp.note', values);
    const result = await api.invoke('case.note', { caseId, text });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-label={t('wrapUp.title', { who })}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{t('wrapUp.title', { who })}</Text>
          <Text size="sm" c="dimmed">
            {t('wrapUp.lasted', { duration: callClock(wrapUp.durationMs) })}
          </Text>
        </Group>
        <NativeSelect
          label={t('wrapUp.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as WrapUpOutcome)}
          data={WRAP_UP_OUTCOMES.map((o) => ({ value: o, label: t(`case:callOutcome.${o}`) }))}
        />
        <Textarea label={t('wrapUp.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={4_000} />
        {caseId === null ? (
          <Text size="sm" c="dimmed">
            {t('wrapUp.waitingForCase')}
          </Text>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {errorText(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          {caseId !== null ? (
            <Button variant="subtle" size="xs" onClick={() => onOpenCase(caseId)}>
              {t('wrapUp.openCase')}
            </Button>
          ) : null}
          <Button variant="default" size="xs" onClick={onDone}>
            {t('wrapUp.skip')}
          </Button>
          <Button type="submit" size="xs" loading={saving} disabled={caseId === null}>
            {t('wrapUp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
