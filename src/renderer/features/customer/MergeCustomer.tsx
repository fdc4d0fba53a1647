import { Alert, Button, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { useQueuedOutcome } from './useQueuedOutcome';

/** Refusals the hub gives a merge, each said plainly; anything else falls back to a general text. */
const REFUSALS = ['forbidden', 'conflict', 'not-found', 'invalid'] as const;
const refusalKey = (reason: string | null) => (REFUSALS as readonly (string | null)[]).includes(reason) ? reason : 'other';

/**
 * Supervisors: merge a duplicate record into this customer. Pick the duplicate by searching, then confirm in a
 * dialog naming both; the duplicate's cases, contact details and notes move here once the hub applies it.
 */
export function MergeCustomer({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Customer | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [merged, setMerged] = useState<Customer | null>(null);
  const { outcome, track, dismiss } = useQueuedOutcome();
  const typed = query.trim();
  const found = useChannel('search.query', open && typed !== '' ? { query: typed, limit: 10 } : null, { refreshOn: () => false });
  const candidates = typed === '' ? [] : (found.data?.customers ?? []).filter((c) => c.id !== customer.id && c.mergedInto === null);

  const close = () => {
    setOpen(false);
    setQuery('');
    setChosen(null);
    setError(null);
  };

  const merge = async () => {
    if (!chosen) return;
    const result = await api.invoke('supervisor.mergeCustomers', { survivorId: customer.id, mergedId: chosen.id });
    if (!result.ok) return setError(result.error);
    track(result.value.mutationId);
    setMerged(chosen);
    close();
  };

  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('merge.open')}
      </Button>
      {outcome && merged ? (
        outcome.state === 'refused' ? (
          <Alert color="red" role="alert" title={t('merge.refused', { merged: merged.name, survivor: customer.name })} withCloseButton closeButtonLabel={t('merge.dismiss')} onClose={() => void dismiss()}>
            {t(`merge.reason.${refusalKey(outcome.reason)}`)}
          </Alert>
        ) : (
          <Text size="sm" role="status">
            {outcome.state === 'done' ? t('merge.done', { merged: merged.name, survivor: customer.name }) : t('merge.pending', { merged: merged.name })}
          </Text>
        )
      ) : null}
      <Modal opened={open} onClose={close} title={chosen ? t('merge.confirmTitle') : t('merge.title', { name: customer.name })}>
        {chosen ? (
          <Stack gap="sm">
            <Text size="sm">{t('merge.confirm', { merged: chosen.name, survivor: customer.name })}</Text>
            <Text size="sm" fw={700}>
              {t('merge.final')}
            </Text>
            {error ? (
              <Alert color="red" role="alert">
                {errorText(t, error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)}>
                {t('merge.back')}
              </Button>
              <Button color="red" onClick={() => void merge()}>
                {t('merge.do', { merged: chosen.name, survivor: customer.name })}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <TextInput label={t('merge.search')} description={t('merge.searchHint')} data-autofocus value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
            {typed !== '' && candidates.length === 0 && !found.loading ? (
              <Text size="sm" c="dimmed" role="status">
                {t('merge.noMatch')}
              </Text>
            ) : null}
            <Stack gap={4} component="ul" aria-label={t('merge.candidates')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {candidates.map((c) => (
                <li key={c.id}>
                  <UnstyledButton p="xs" w="100%" onClick={() => setChosen(c)} aria-label={t('merge.pick', { name: c.name })}>
                    <Text size="sm" fw={600}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[...c.emails, ...c.phones].join(', ') || t('profile.none')}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </Stack>
        )}
      </Modal>
    </>
  );
}
