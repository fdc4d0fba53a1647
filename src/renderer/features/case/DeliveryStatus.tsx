import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel, HeldReply } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { useBusy } from '../../lib/useBusy';
import { deliveryOf } from './deliveryOf';
import { DeliveryState } from './DeliveryState';
import type { SendAnotherWay, ShownDelivery } from './deliveryStage';
import { SendAnotherWayMenu } from './SendAnotherWayMenu';
import type { TimelineInteraction } from './TimelineEntry';

/**
 * Where one of my replies or notes stands: waiting in the outbox, sent, held by the hub or refused. Held and
 * refused ones say why and offer what can be done (send again, keep it as an internal note, or drop it):
 * nothing is ever dropped silently; a reply refused for want of an address on its channel may be sent another way.
 * Once the hub has it, a message with a delivery shows where that stands on the customer's channel (`onChannel`,
 * see DeliveryState).
 */
export function DeliveryStatus({
  entry,
  held,
  onChannel,
  sendAnotherWay,
}: {
  entry: TimelineInteraction;
  held: HeldReply | null;
  onChannel: ShownDelivery | null;
  sendAnotherWay: SendAnotherWay | null;
}) {
  const { t } = useTranslation('case');
  const api = useApi();
  const { busy, act } = useBusy();
  const delivery = deliveryOf(entry.local);
  const isReply = entry.kind !== 'note';

  switch (delivery.state) {
    case 'sent':
      if (isReply && onChannel !== null) return <DeliveryState delivery={onChannel} text={entry.text} sendAnotherWay={sendAnotherWay} />;
      return (
        <Text size="xs" c="dimmed" data-delivery="sent">
          {t(isReply ? 'delivery.sent' : 'delivery.saved')}
        </Text>
      );
    case 'pending':
      return (
        <Text size="xs" fw={700} data-delivery="pending">
          {t('delivery.pending')}
        </Text>
      );
    case 'held': {
      const resolve = (action: 'resend' | 'note' | 'discard') =>
        act(() => (held ? api.invoke('held.resolve', { heldId: held.id, action }) : api.invoke('outbox.discard', { mutationId: delivery.mutationId })));
      return (
        <Alert color="orange" variant="light" title={t('delivery.held')} data-delivery="held">
          <Text size="sm">{t(`delivery.holdReason.${held?.reason ?? 'unknown'}`)}</Text>
          <Group gap="xs" mt="xs">
            {held ? (
              <>
                <Button size="xs" disabled={busy} onClick={resolve('resend')}>
                  {t('delivery.resend')}
                </Button>
                <Button size="xs" variant="default" disabled={busy} onClick={resolve('note')}>
                  {t('delivery.toNote')}
                </Button>
              </>
            ) : null}
            <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={resolve('discard')}>
              {t('delivery.discard')}
            </Button>
          </Group>
        </Alert>
      );
    }
    case 'rejected': {
      const { mutationId } = delivery;
      const discard = () => api.invoke('outbox.discard', { mutationId });
      return (
        <Alert color="red" variant="light" title={t('delivery.rejected')} data-delivery="rejected">
          <Text size="sm">{t(`delivery.rejectReason.${delivery.reason ?? 'internal'}`)}</Text>
          {delivery.message ? <Text size="xs" c="dimmed">{delivery.message}</Text> : null}
          <Group gap="xs" mt="xs">
            <Button size="xs" disabled={busy} onClick={act(() => api.invoke('outbox.retry', { mutationId }))}>
              {t('delivery.retry')}
            </Button>
            {isReply ? (
              <Button
                size="xs"
                variant="default"
                disabled={busy}
                onClick={act(async () => {
                  const noted = await api.invoke('case.note', { caseId: entry.caseId, text: entry.text });
                  if (noted.ok) await discard();
                })}
              >
                {t('delivery.toNote')}
              </Button>
            ) : null}
            {isReply && delivery.reason === 'no-address' ? (
              <SendAnotherWayMenu from={entry.kind as Channel} text={entry.text} way={sendAnotherWay} disabled={busy} />
            ) : null}
            <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={act(discard)}>
              {t('delivery.discard')}
            </Button>
          </Group>
        </Alert>
      );
    }
  }
}
