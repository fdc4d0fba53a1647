import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InboxDensitySchema, MAX_INBOX_PAGE, type InboxDensity, type SessionView } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { formatNumber } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import { createPreviewStore } from './createPreviewStore';
import { InboxFilterBar } from './InboxFilterBar';
import { DEFAULT_FILTERS, inboxQuery, type InboxFilters } from './inboxQuery';
import { InboxRow, ROW_HEIGHTS } from './InboxRow';
import { SavedViews } from './SavedViews';
import { useInboxPages } from './useInboxPages';
import { useInboxPreferences } from './useInboxPreferences';
import { useListKeyboard } from './useListKeyboard';
import { useSeenCases } from './useSeenCases';

interface Props {
  session: SessionView;
  openCaseId: string | null;
  onOpenCase(caseId: string): void;
}

/** Rows from the end of the loaded ones at which the next page is asked for. */
const LOAD_AHEAD = 20;
/** The page size while looking for an open case further down than the rows loaded. */
const SEEK_PAGE = 500;
const DENSITIES = InboxDensitySchema.options;

/**
 * Every case assigned to me or waiting in my queues, across channels, in one virtual list that stays live and
 * loads a page at a time. Replies due from us come first (nearest deadline first). Arrow keys or j/k move (j/k
 * and Enter from anywhere outside a text field), Enter opens; the open case is highlighted and scrolled to,
 * however it was opened.
 */
export function InboxView({ session, openCaseId, onOpenCase }: Props) {
  const { t, i18n } = useTranslation('inbox');
  const api = useApi();
  const now = useNow();
  const [filters, setFilters] = useState<InboxFilters>(DEFAULT_FILTERS);
  const prefs = useInboxPreferences();
  const rowHeight = ROW_HEIGHTS[prefs.density];
  const inbox = useInboxPages(inboxQuery(filters));
  const { items, more, loadMore } = inbox;
  const org = useChannel('reference.org', {}, { refreshOn: (c) => Boolean(c.entities.queue) });
  const [previews] = useState(() => createPreviewStore(api));
  const { isUnread, markSeen } = useSeenCases(session.staff.id);
  const ids = useMemo(() => items.map((i) => i.case.id), [items]);
  const myQueues = useMemo(() => {
    const scope = session.scope;
    return (org.data?.queues ?? []).filter((q) => !scope || scope.all || scope.queueIds.includes(q.id));
  }, [org.data, session.scope]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 6 });
  useEffect(() => virtual.measure(), [virtual, rowHeight]);
  const open = (index: number) => {
    const item = items[index];
    if (!item) return;
    markSeen(item.case);
    onOpenCase(item.case.id);
  };
  const scrollTo = useCallback((index: number) => virtual.scrollToIndex(index, { align: 'auto' }), [virtual]);
  const keys = useListKeyboard(ids, open, scrollTo);

  // The next page once the rows on screen (or the keyboard's) near the end of those loaded.
  const lastShown = Math.max(virtual.getVirtualItems().at(-1)?.index ?? -1, keys.active);
  useEffect(() => {
    if (more && lastShown >= items.length - LOAD_AHEAD) void loadMore();
  }, [more, lastShown, items.length, loadMore]);

  // The open case, however it was opened (here, search, a notification), becomes the active row and is
  // scrolled into view once; further down than the rows loaded, pages load until it is found or none follow.
  const revealed = useRef<string | null>(null);
  const { setActive } = keys;
  useEffect(() => {
    if (openCaseId === null) revealed.current = null;
    if (openCaseId === null || revealed.current === openCaseId) return;
    const index = ids.indexOf(openCaseId);
    if (index >= 0) {
      revealed.current = openCaseId;
      setActive(index);
      scrollTo(index);
    } else if (more && ids.length < MAX_INBOX_PAGE) void loadMore(SEEK_PAGE);
  }, [openCaseId, ids, more, loadMore, setActive, scrollTo]);

  const nextInQueue = items.find((i) => i.case.assigneeId === null);
  async function pickNext() {
    if (!nextInQueue) return;
    const result = await api.invoke('case.assign', { caseId: nextInQueue.case.id, to: 'me' });
    if (result.ok) open(items.indexOf(nextInQueue));
  }

  const rowId = (caseId: string) => `inbox-row-${caseId}`;
  const activeItem = items[keys.active];
  const n = formatNumber(i18n.language, items.length);
  return (
    <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
      {/* The controls move below the title where a language's labels do not fit beside it (Polish, Greek). */}
      <Group justify="space-between" px="sm" pt="xs" gap="xs">
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Title order={2} size="h4" id="inbox-title">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="inbox-count" style={{ whiteSpace: 'nowrap' }}>
            {more ? t('countMore', { n }) : t('count', { count: items.length, n })}
          </Text>
        </Group>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('density.label')}
            value={prefs.density}
            onChange={(v) => void prefs.change('inbox.setDensity', { density: v as InboxDensity })}
            data={DENSITIES.map((d) => ({ value: d, label: t(`density.${d}`) }))}
          />
          <Button size="xs" onClick={() => void pickNext()} disabled={!nextInQueue}>
            {t('pickNext')}
          </Button>
        </Group>
      </Group>
      <InboxFilterBar value={filters} queues={myQueues} onChange={setFilters} />
      <SavedViews filters={filters} prefs={prefs} onPick={setFilters} />
      <div
        ref={scroller}
        role="listbox"
        tabIndex={0}
        aria-labelledby="inbox-title"
        aria-activedescendant={activeItem ? rowId(activeItem.case.id) : undefined}
        aria-keyshortcuts="ArrowDown ArrowUp J K Enter"
        onKeyDown={keys.onKeyDown}
        data-density={prefs.density}
        style={{ flex: 1, overflow: 'auto', position: 'relative', outlineOffset: -2, marginTop: 4 }}
      >
        {items.length === 0 && !inbox.loading && (
          <Text c="dimmed" ta="center" p="xl">
            {t('empty')}
          </Text>
        )}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const item = items[row.index];
            return (
              <InboxRow
                key={item.case.id}
                id={rowId(item.case.id)}
                item={item}
                density={prefs.density}
                active={row.index === keys.active}
                open={item.case.id === openCaseId}
                unread={isUnread(item.case)}
                now={now}
                previews={previews}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
                onOpen={() => {
                  keys.setActive(row.index);
                  open(row.index);
                }}
              />
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
