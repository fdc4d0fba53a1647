import { Alert, Anchor, Box, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/domain';
import type { OutputOf } from '../../../shared/ipc/contract';
import { errorText } from '../../lib/errorText';
import { StatusBadge } from '../../components/StatusBadge';
import { useChannel, type DataChanged } from '../../lib/api/useChannel';
import { caseChanged } from '../../lib/api/caseChanged';
import { isWebChat } from '../../lib/webChat';
import { PresenceBar } from '../presence/PresenceBar';
import { usePresence } from '../presence/usePresence';
import { CaseAlertModal } from './CaseAlertModal';
import { CaseSurveyAnswer } from '../survey/CaseSurveyAnswer';
import { CaseBriefCard } from './CaseBriefCard';
import { CaseControls } from './CaseControls';
import { caseBrief } from './caseBrief';
import { Composer } from './Composer';
import type { SendAnotherWay } from './deliveryStage';
import { NextStepsPanel } from './NextStepsPanel';
import { replyChannels } from './replyChannels';
import { Timeline } from './Timeline';
import { TimelineScroll } from './TimelineScroll';
import { timelineAnchor } from './TimelineEntry';
import { ToneHintPanel } from './ToneHintPanel';
import { useCaseAssist } from './useCaseAssist';
import { useComposer } from './useComposer';
import { useMinute } from './useMinute';
import { useOrgReference } from './useOrgReference';
import { usePerformStep } from './usePerformStep';
import { useToneCheck } from './useToneCheck';
import { useVisitorTyping } from './useVisitorTyping';
import { VisitorTyping } from './VisitorTyping';

type CaseViewData = OutputOf<'case.view'>;

/** Changes that can alter what a case view shows (interaction ids do not name their case, so any of those). */
const touches = (caseId: string, customerId: string | undefined) => (c: DataChanged) =>
  c.outbox || caseChanged(c, caseId) || (customerId !== undefined && c.entities.customer?.includes(customerId) === true);

const jumpTo = (interactionId: string) => {
  const target = document.getElementById(timelineAnchor(interactionId));
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
};

/** Below this width the tone hint and next steps go above the composer instead of beside it (a narrow window). */
const SIDE_BY_SIDE_MIN_PX = 760;
const SIDE_WIDTH = 'clamp(260px, 34%, 340px)';

/** One case: brief, timeline across channels, controls, composer, tone hint and next steps. Esc closes it. */
export function CaseView(props: { caseId: string; onOpenCustomer(customerId: string): void; onClose(): void }) {
  const { t } = useTranslation('case');
  const [customerId, setCustomerId] = useState<string>();
  const view = useChannel('case.view', { caseId: props.caseId }, { refreshOn: touches(props.caseId, customerId) });
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  const data = view.data?.case.id === props.caseId ? view.data : undefined;
  if (data && data.case.customerId !== customerId) setCustomerId(data.case.customerId);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Only keys pressed inside the case itself: dialogs render in portals whose events still bubble here.
    if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) props.onClose();
  };

  return (
    // The pane's own height (its parent's), so that only the timeline scrolls and the composer stays in view.
    <Stack component="section" aria-labelledby="case-title" onKeyDown={onKeyDown} gap={0} h="100%" style={{ minHeight: 0 }}>
      {data ? (
        <CaseWorkspace key={props.caseId} data={data} myStaffId={session.data?.staff.id ?? null} {...props} />
      ) : view.error ? (
        <Alert m="md" color="red" role="alert" title={t('view.failed')}>
          {errorText(t, view.error)}
        </Alert>
      ) : (
        <Group p="md">
          <Loader size="sm" aria-label={t('view.loading')} />
          <Title order={2} id="case-title" size="h4">
            {t('view.loading')}
          </Title>
        </Group>
      )}
    </Stack>
  );
}

function CaseWorkspace({
  data,
  myStaffId,
  onOpenCustomer,
  onClose,
}: {
  data: CaseViewData;
  myStaffId: string | null;
  onOpenCustomer(customerId: string): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('case');
  const { case: kase, customer, timeline, held, deliveries, history } = data;
  const org = useOrgReference();
  const presence = usePresence(kase.id, myStaffId);
  const webChat = useMemo(() => timeline.some(isWebChat), [timeline]);
  const visitorTyping = useVisitorTyping(kase.id, timeline.findLast((i) => i.direction === 'inbound')?.id ?? null);
  const minute = useMinute();
  const customerLanguage: Lang = customer?.language ?? 'en';
  const assist = useCaseAssist(kase, timeline, customerLanguage, minute);
  const brief = useMemo(() => caseBrief(timeline, assist.steps), [timeline, assist.steps]);
  const channels = useMemo(() => replyChannels(kase, customer), [kase, customer]);
  const composer = useComposer(channels[0] ?? null, kase.subject);
  const check = useToneCheck(assist.state, composer.draft, composer.channel ?? 'chat', composer.textarea);
  // Canned responses are written in the agent's own language (the UI language).
  const knowledge = useChannel('reference.knowledge', { language: i18n.language as Lang, queueId: kase.queueId }, {
    refreshOn: (c) => c.entities.canned !== undefined,
  });
  const [alertOpen, setAlertOpen] = useState(false);
  const openRecap = useCallback(() => document.getElementById('case-brief-title')?.scrollIntoView({ block: 'start' }), []);
  const openers = useMemo(() => ({ recap: openRecap, alert: () => setAlertOpen(true) }), [openRecap]);
  const perform = usePerformStep(kase, composer, assist.articles, openers);
  const { setMode, setChannel, insert } = composer;
  const sendAnotherWay = useMemo<SendAnotherWay>(
    () => ({
      channels,
      start(channel, text) {
        setMode('reply');
        setChannel(channel);
        insert(text);
      },
    }),
    [channels, setMode, setChannel, insert],
  );

  const { ref: paneRef, width } = useElementSize();
  // Not measured yet (0) counts as wide: the common case on a desktop, and the layout settles on the first frame.
  const wide = width === 0 || width >= SIDE_BY_SIDE_MIN_PX;
  const newest = timeline.at(-1);
  // The tone hint never scrolls away: only what is below it (next steps, the survey answer) scrolls.
  const assistPanels = (
    <>
      <Box style={{ flexShrink: 0 }}>
        <ToneHintPanel state={assist.state} check={check} mode={composer.mode} />
      </Box>
      <Stack gap="md" style={{ flex: '0 1 auto', minHeight: 0, overflowY: 'auto' }}>
        <NextStepsPanel steps={assist.steps} onPerform={perform} />
        {wide ? <CaseSurveyAnswer kase={kase} /> : null}
      </Stack>
    </>
  );

  return (
    <>
      <Stack gap="xs" px="md" pt="md" pb="xs" style={{ flexShrink: 0, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              {/* One line, so that a long subject leaves the timeline its room (the whole subject is on hover). */}
              <Title order={2} id="case-title" size="h3" lineClamp={1} title={kase.subject} style={{ minWidth: 0 }}>
                {kase.subject}
              </Title>
              <Box style={{ flexShrink: 0 }}>
                <StatusBadge status={kase.status} />
              </Box>
            </Group>
            <Text size="sm" c="dimmed">
              {customer ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpenCustomer(customer.id)}>
                  {customer.name}
                </Anchor>
              ) : (
                t('view.unknownCustomer')
              )}
              {' · '}
              {t('view.channels', { list: new Intl.ListFormat(i18n.language).format(kase.channels.map((c) => t(`channel.${c}`, { ns: 'common' }))) })}
            </Text>
          </Stack>
          <CloseButton aria-label={t('view.close')} onClick={onClose} />
        </Group>
        <CaseControls kase={kase} org={org} myStaffId={myStaffId} />
        <PresenceBar others={presence.others} />
      </Stack>
      <Box ref={paneRef} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: wide ? 'row' : 'column' }} data-layout={wide ? 'side' : 'stacked'}>
        <Box style={{ flex: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <TimelineScroll newestKey={newest?.id ?? null} follow={newest !== undefined && newest.direction !== 'inbound' && newest.authorId === myStaffId}>
            <CaseBriefCard brief={brief} onJump={jumpTo} />
            {wide ? null : <CaseSurveyAnswer kase={kase} />}
            {history !== 'whole' && (
              // Older history was left out of the bootstrap: what is here shows now, the rest when it arrives.
              <Group gap="xs" data-history={history}>
                {history === 'loading' && <Loader size="xs" />}
                <Text size="sm" c="dimmed">
                  {t(`timeline.history.${history}`)}
                </Text>
              </Group>
            )}
            <Timeline
              timeline={timeline}
              held={held}
              org={org}
              customerName={customer?.name ?? null}
              customerLanguage={customer?.language}
              deliveries={deliveries}
              sendAnotherWay={sendAnotherWay}
            />
            {webChat && <VisitorTyping typing={visitorTyping} customerName={customer?.name ?? null} />}
          </TimelineScroll>
          {wide ? null : (
            // Narrow panes: the tone hint and next steps sit just above the composer, scrolling on their own.
            // When the window is short too, this part gives way first (it scrolls), then the timeline down to
            // its minimum; the composer never does.
            <Stack gap="xs" px="md" pt="xs" data-testid="case-assist" style={{ flex: '0 1 auto', maxHeight: '40%', minHeight: 0, overflowY: 'auto' }}>
              {assistPanels}
            </Stack>
          )}
          <Box px="md" pt="xs" pb="md" pos="relative" data-testid="case-composer" style={{ flexShrink: 0, borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Composer kase={kase} composer={composer} channels={channels} canned={knowledge.data?.canned ?? []} onTyping={presence.typing} />
          </Box>
        </Box>
        {wide ? (
          <Stack
            gap="md"
            p="md"
            data-testid="case-assist"
            style={{ flex: `0 0 ${SIDE_WIDTH}`, minHeight: 0, borderLeft: '1px solid var(--mantine-color-default-border)' }}
          >
            {assistPanels}
          </Stack>
        ) : null}
      </Box>
      <CaseAlertModal caseId={kase.id} opened={alertOpen} onClose={() => setAlertOpen(false)} />
    </>
  );
}
