import { Button, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/ipc/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { useEvent } from '../../lib/api/useEvent';
import { formatTime } from '../../lib/format';
import { UnknownCaller } from './UnknownCaller';

type Offer = EventPayload<'call.offer'>;

/**
 * Pops up while a call rings for me: who is calling and their open cases, before I answer, so I greet them
 * knowing why they call. An unknown number gets a quick lookup or a new customer record. Renders nothing
 * without an offer; a newer offer replaces the one shown.
 */
export function IncomingCall({ onOpenCase, onOpenCustomer }: { onOpenCase(caseId: string): void; onOpenCustomer(customerId: string): void }) {
  const { t, i18n } = useTranslation('calls');
  const [offer, setOffer] = useState<Offer | null>(null);
  useEvent('call.offer', setOffer);
  if (offer === null) return null;
  const close = () => setOffer(null);
  const go = (open: () => void) => () => {
    open();
    close();
  };
  const { customer } = offer;
  return (
    <Modal
      opened
      onClose={close}
      title={t('title', { phone: offer.phone })}
      closeButtonProps={{ 'aria-label': t('dismiss') }}
      data-testid="incoming-call"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('ringingSince', { time: formatTime(i18n.language, offer.at) })}
        </Text>
        {customer ? (
          <>
            <Group justify="space-between">
              <Stack gap={0}>
                <Text fw={700}>{customer.name}</Text>
                <Text size="sm" c="dimmed">
                  {offer.phone}
                </Text>
              </Stack>
              <Button size="xs" variant="default" onClick={go(() => onOpenCustomer(customer.id))}>
                {t('openCustomer')}
              </Button>
            </Group>
            <Text size="sm" fw={700}>
              {t('openCases', { count: offer.openCases.length })}
            </Text>
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {offer.openCases.map((c) => (
                <li key={c.id}>
                  <UnstyledButton onClick={go(() => onOpenCase(c.id))} p="xs" w="100%" data-autofocus={c.id === offer.caseId || undefined}>
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm">{c.subject}</Text>
                      <StatusBadge status={c.status} />
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </>
        ) : (
          <UnknownCaller phone={offer.phone} onFound={(id) => go(() => onOpenCustomer(id))()} onCreated={close} />
        )}
      </Stack>
    </Modal>
  );
}
