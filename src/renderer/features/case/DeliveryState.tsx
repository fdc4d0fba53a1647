import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { useBusy } from '../../lib/useBusy';
import { deliveryStage, refusedRetry, type DeliveryStage, type SendAnotherWay, type ShownDelivery } from './deliveryStage';
import { SendAnotherWayMenu } from './SendAnotherWayMenu';

// Outline glyphs (24x24, stroke) like the channel icons: a clock, one tick, two ticks, an open eye, a warning.
const GLYPHS: Record<DeliveryStage, string> = {
  waiting: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  queued: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  sent: 'M5 12l5 5L20 7',
  delivered: 'M2 12l5 5L17 7M12 16l1 1L23 7',
  read: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  failed: 'M12 3L2 20h20zM12 10v4M12 17v.5',
};

function StageIcon({ stage }: { stage: DeliveryStage }) {
  return (
    <svg aria-hidden="true" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={GLYPHS[stage]} />
    </svg>
  );
}

/**
 * Where one outbound message stands on the customer's channel: waiting to be retried from my outbox, accepted
 * by the hub, sent to the channel, delivered, read; or failed, with the reason, Retry (a real new attempt) and, for
 * a reply, "send another way" (the composer opened on another channel this customer can be answered on, with the
 * text).
 * An icon and a word, never colour alone; the failure is announced.
 */
export function DeliveryState({ delivery, text, sendAnotherWay }: { delivery: ShownDelivery; text: string; sendAnotherWay: SendAnotherWay | null }) {
  const { t } = useTranslation('case');
  const api = useApi();
  const { busy, act } = useBusy();
  const stage = deliveryStage(delivery);
  const refused = refusedRetry(delivery);
  const label = <Text size="xs" fw={stage === 'failed' ? 700 : undefined} span>{t(`deliveryState.${stage}`)}</Text>;

  if (stage !== 'failed') {
    return (
      <Group gap={4} c={stage === 'waiting' ? undefined : 'dimmed'} data-delivery-state={stage} wrap="nowrap">
        <StageIcon stage={stage} />
        {label}
        {stage === 'queued' && delivery.attempts > 0 ? (
          <Text size="xs" span>
            {' · '}
            {t('deliveryState.retrying', { count: delivery.attempts })}
          </Text>
        ) : null}
      </Group>
    );
  }

  return (
    <Alert color="red" variant="light" data-delivery-state="failed" title={<Group gap={4} wrap="nowrap"><StageIcon stage="failed" />{label}</Group>}>
      <Text size="sm">{delivery.lastError ?? t('deliveryState.noReason')}</Text>
      {refused ? (
        <Text size="xs" mt={4}>
          {t('deliveryState.retryRefused', { reason: t(`delivery.rejectReason.${refused.reason ?? 'internal'}`) })}
        </Text>
      ) : null}
      <Group gap="xs" mt="xs">
        <Button size="xs" disabled={busy} onClick={act(() => api.invoke('delivery.retry', { deliveryId: delivery.id }))}>
          {t('deliveryState.retry')}
        </Button>
        {/* A survey goes again with Retry: only a reply's text makes sense on another channel. */}
        {delivery.purpose === 'reply' ? <SendAnotherWayMenu from={delivery.channel} text={text} way={sendAnotherWay} disabled={busy} /> : null}
        {refused ? (
          <Button size="xs" variant="subtle" disabled={busy} onClick={act(() => api.invoke('outbox.discard', { mutationId: refused.mutationId }))}>
            {t('deliveryState.dismissRefusal')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
