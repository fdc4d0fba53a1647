import { Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_RESULTS, type AlertResult } from '../../../shared/domain';
import { ModalActions } from './ModalActions';
import { useApi } from '../../lib/api/useApi';

/**
 * Closing a red alert records what came of it (recovered, lost, no answer: the Voice of the Customer counts
 * these) and what was done, in the closer's words (kept in the alert and the audit). Both are required.
 */
export function CloseAlertModal({ alertId, onClose }: { alertId: string; onClose(): void }) {
  const { t } = useTranslation('supervisor');
  const { t: tv } = useTranslation('voc');
  const api = useApi();
  const [result, setResult] = useState<AlertResult | null>(null);
  const [outcome, setOutcome] = useState('');
  const close = async () => {
    if (!result) return;
    await api.invoke('alert.close', { alertId, result, outcome: outcome.trim() });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('alerts.closeTitle')}>
      <Stack>
        {/* Native radios: arrow keys move the choice, Tab leaves the group, as a radio group should. */}
        <Radio.Group label={tv('result.label')} value={result ?? ''} onChange={(v) => setResult(v as AlertResult)} withAsterisk>
          <Group mt="xs">
            {ALERT_RESULTS.map((r) => (
              <Radio key={r} value={r} label={tv(`result.${r}`)} data-autofocus={r === ALERT_RESULTS[0] ? true : undefined} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('alerts.outcome')} autosize minRows={3} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
      </Stack>
      <ModalActions onCancel={onClose} onConfirm={() => void close()} confirmLabel={t('alerts.close')} disabled={!result || !outcome.trim()} />
    </Modal>
  );
}
