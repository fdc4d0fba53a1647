import { Alert, Button, Group, Kbd, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';
import { errorText } from '../../lib/errorText';
import { CallTimer } from './CallTimer';
import { CallWrapUp } from './CallWrapUp';
import { callsReducer, NO_CALLS, type LiveCall } from './callState';
import { UnknownCaller } from './UnknownCaller';

type Action = 'answer' | 'decline' | 'hangup';

/** Alt+letter for each action, by the key's place (KeyA), so it works whatever the keyboard layout types there. */
const SHORTCUTS: Record<Action, { code: string; label: string }> = {
  answer: { code: 'KeyA', label: 'Alt+A' },
  decline: { code: 'KeyD', label: 'Alt+D' },
  hangup: { code: 'KeyH', label: 'Alt+H' },
};

/** What can be done with the call on the line now. */
const ACTIONS: Record<LiveCall['phase'], readonly Action[]> = { ringing: ['answer', 'decline'], answered: ['hangup'] };

/**
 * A call on the line, as a banner beside the work rather than over it: it never takes focus, so an agent typing
 * a reply keeps typing; Answer and Decline (and Hang up once answered) are buttons and Alt shortcuts that work
 * from anywhere, recorded by the hub. The caller's record and open cases are one click away, a timer runs while
 * the call lasts, and a call I answered ends in a wrap-up saved to its case. Renders nothing without a call.
 */
export function IncomingCall({ onOpenCase, onOpenCustomer }: { onOpenCase(caseId: string): void; onOpenCustomer(customerId: string): void }) {
  const { t } = useTranslation('calls');
  const api = useApi();
  const [state, dispatch] = useReducer(callsReducer, NO_CALLS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [findingCaller, setFindingCaller] = useState(false);
  useEvent('call.offer', (offer) => {
    setError(null);
    setFindingCaller(false);
    dispatch({ type: 'offered', offer });
  });
  useEvent('call.update', (update) => dispatch({ type: 'update', update, at: Date.now() }));

  const { call, wrapUp } = state;
  const respond = async (action: Action) => {
    if (!call || busy || !ACTIONS[call.phase].includes(action)) return;
    const { callId } = call.offer;
    setBusy(true);
    const result = await api.invoke('call.respond', { callId, action });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    if (action === 'answer') dispatch({ type: 'answered', callId, at: Date.now() });
    else if (action === 'decline') dispatch({ type: 'declined', callId });
    else dispatch({ type: 'hung-up', callId, at: Date.now() });
  };

  // Read by the one key listener, so that it is registered once and never sees a stale call.
  const latest = useRef(respond);
  useEffect(() => {
    latest.current = respond;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const action = (Object.keys(SHORTCUTS) as Action[]).find((a) => SHORTCUTS[a].code === e.code);
      if (!action) return;
      // Alt+letter would otherwise type a character into the composer on some layouts.
      e.preventDefault();
      void latest.current(action);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  if (!call && !wrapUp) return null;
  const offer = call?.offer;
  const who = offer ? (offer.customer?.name ?? offer.phone) : '';
  return (
    <Paper
      component="section"
      aria-label={t('banner')}
      data-testid="call-banner"
      withBorder
      shadow="md"
      p="sm"
      w={400}
      style={{ position: 'fixed', top: 64, right: 16, zIndex: 150 }}
    >
      <Stack gap="sm">
        {call && offer ? (
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text role="status" aria-live="polite" fw={700}>
                {call.phase === 'ringing' ? t('ringing', { who }) : t('onCall', { who })}
              </Text>
              {call.phase === 'answered' ? <CallTimer since={call.since} /> : null}
            </Group>
            {offer.customer ? (
              <>
                <Group gap="xs">
                  <Button size="compact-sm" variant="light" onClick={() => onOpenCustomer(offer.customer!.id)}>
                    {t('openCustomerNamed', { name: offer.customer.name })}
                  </Button>
                  <Text size="sm" c="dimmed">
                    {offer.phone}
                  </Text>
                </Group>
                {offer.openCases.length > 0 ? (
                  <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('openCases', { count: offer.openCases.length })}>
                    {offer.openCases.map((c) => (
                      <li key={c.id}>
                        <UnstyledButton onClick={() => onOpenCase(c.id)} px="xs" py={4} w="100%">
                          <Group justify="space-between" wrap="nowrap">
                            <Text size="sm" truncate>
                              {c.subject}
                            </Text>
                            <StatusBadge status={c.status} />
                          </Group>
                        </UnstyledButton>
                      </li>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('openCases', { count: 0 })}
                  </Text>
                )}
              </>
            ) : findingCaller ? (
              <UnknownCaller
                phone={offer.phone}
                onFound={(id) => {
                  setFindingCaller(false);
                  onOpenCustomer(id);
                }}
                onCreated={() => setFindingCaller(false)}
              />
            ) : (
              <Group gap="xs">
                <Text size="sm">{t('unknown')}</Text>
                <Button size="compact-sm" variant="light" onClick={() => setFindingCaller(true)}>
                  {t('findCaller')}
                </Button>
              </Group>
            )}
            {error ? (
              <Alert color="red" role="alert" p="xs">
                {errorText(t, error)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              {ACTIONS[call.phase].map((action) => (
                <Button
                  key={action}
                  size="xs"
                  color={action === 'answer' ? 'green' : action === 'hangup' ? 'red' : undefined}
                  variant={action === 'decline' ? 'default' : 'filled'}
                  loading={busy}
                  aria-keyshortcuts={SHORTCUTS[action].label}
                  rightSection={<Kbd size="xs">{SHORTCUTS[action].label}</Kbd>}
                  onClick={() => void respond(action)}
                >
                  {t(`action.${action}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}
        {wrapUp ? <CallWrapUp key={wrapUp.offer.callId} wrapUp={wrapUp} onOpenCase={onOpenCase} onDone={() => dispatch({ type: 'wrapped-up' })} /> : null}
      </Stack>
    </Paper>
  );
}
