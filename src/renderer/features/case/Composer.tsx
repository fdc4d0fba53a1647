import { Alert, Button, Group, Kbd, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse, Channel } from '../../../shared/domain';
import type { ChannelError } from '../../lib/api/useChannel';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { CANNED_LIST_ID, CannedList, cannedOptionId } from './CannedList';
import { insertCanned, searchCanned, slashQueryAt, type SlashQuery } from './cannedQuery';
import type { ComposerState } from './useComposer';

/**
 * Reply on one of the customer's channels, or write an internal note. `/` opens the canned responses in the
 * agent's language; Ctrl+Enter (or Cmd+Enter) sends. What was sent shows in the timeline with its state.
 */
export function Composer({
  caseId,
  composer,
  channels,
  canned,
  onTyping,
}: {
  caseId: string;
  composer: ComposerState;
  channels: readonly Channel[];
  canned: readonly CannedResponse[];
  onTyping(): void;
}) {
  const { t } = useTranslation('case');
  const api = useApi();
  const { mode, channel, draft, subject } = composer;
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ChannelError | null>(null);
  const matches = useMemo(() => (slash ? searchCanned(canned, slash.query) : []), [slash, canned]);
  const replying = mode === 'reply' && channel !== null;

  const follow = (text: string, caret: number) => {
    const found = slashQueryAt(text, caret);
    setSlash(found);
    if (found?.query !== slash?.query) setActive(0);
  };

  const pick = (response: CannedResponse) => {
    if (!slash) return;
    const next = insertCanned(draft, slash, response);
    composer.setDraft(next.draft);
    setSlash(null);
    requestAnimationFrame(() => composer.textarea.current?.setSelectionRange(next.caret, next.caret));
  };

  const send = async () => {
    const text = draft.trim();
    if (text === '' || sending) return;
    setSending(true);
    setError(null);
    const result = replying
      ? await api.invoke('case.reply', { caseId, channel, text, ...(channel === 'email' && subject.trim() ? { subject: subject.trim() } : {}) })
      : await api.invoke('case.note', { caseId, text });
    setSending(false);
    if (result.ok) composer.setDraft('');
    else setError(result.error);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash && matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : matches.length - 1;
        setActive((k) => (k + step) % matches.length);
        return;
      }
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        pick(matches[active] ?? (matches[0] as CannedResponse));
        return;
      }
    }
    if (slash && e.key === 'Escape') {
      // Closes the list only: Esc must not also close the case.
      e.preventDefault();
      e.stopPropagation();
      setSlash(null);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const activeOption = slash && matches[active] ? cannedOptionId(matches[active].id) : undefined;
  return (
    <Stack gap="xs" component="section" aria-label={t('composer.label')}>
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => composer.setMode(value as ComposerState['mode'])}
          data={[
            { value: 'reply', label: t('composer.reply'), disabled: channels.length === 0 },
            { value: 'note', label: t('composer.note') },
          ]}
          aria-label={t('composer.modeLabel')}
        />
        {mode === 'reply' && channels.length > 0 ? (
          <NativeSelect
            size="xs"
            label={t('composer.channel')}
            value={channel ?? undefined}
            data={channels.map((c) => ({ value: c, label: t(`channel.${c}`, { ns: 'common' }) }))}
            onChange={(e) => composer.setChannel(e.currentTarget.value as Channel)}
          />
        ) : null}
      </Group>
      {replying && channel === 'email' ? (
        <TextInput size="xs" label={t('composer.subject')} value={subject} onChange={(e) => composer.setSubject(e.currentTarget.value)} />
      ) : null}
      <Textarea
        ref={composer.textarea}
        label={replying ? t('composer.replyLabel', { channel: t(`channel.${channel}`, { ns: 'common' }) }) : t('composer.noteLabel')}
        description={t('composer.cannedHint')}
        rows={4}
        resize="vertical"
        value={draft}
        data-mode={mode}
        aria-autocomplete="list"
        aria-controls={slash ? CANNED_LIST_ID : undefined}
        aria-activedescendant={activeOption}
        styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
        onChange={(e) => {
          composer.setDraft(e.currentTarget.value);
          follow(e.currentTarget.value, e.currentTarget.selectionStart);
          onTyping();
        }}
        onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setSlash(null)}
      />
      {slash ? <CannedList matches={matches} active={active} onPick={pick} /> : null}
      {error ? (
        <Alert color="red" variant="light" role="alert" title={t('composer.failed')}>
          {errorText(t, error)}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t('composer.sendShortcut')}
        </Text>
        <Button onClick={() => void send()} loading={sending} disabled={draft.trim() === ''} color={replying ? 'blue' : 'yellow'}>
          {replying ? t('composer.send') : t('composer.addNote')}
        </Button>
      </Group>
    </Stack>
  );
}
