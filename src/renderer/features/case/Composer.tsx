import { Alert, Button, CloseButton, FileButton, Group, Kbd, Loader, NativeSelect, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, maySeeCase, type CannedResponse, type Case, type Channel, type MacroSets } from '../../../shared/domain';
import type { ChannelError } from '../../lib/api/useChannel';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { ATTACHMENT_ACCEPT, formatSize } from './attachmentData';
import { CANNED_LIST_ID, CannedList, cannedOptionId } from './CannedList';
import { insertCanned, searchCanned, slashQueryAt, type SlashQuery } from './cannedQuery';
import { MENTION_LIST_ID, MentionList, mentionOptionId } from './MentionList';
import { insertMention, mentionedIn, mentionQueryAt, searchMentionable, type Mentionable, type MentionQuery } from './mentionQuery';
import type { ComposerState } from './useComposer';
import { useOrgReference } from './useOrgReference';
import { useReplyAttachments } from './useReplyAttachments';

const withMentions = (ids: string[]) => (ids.length > 0 ? { mentions: ids } : {});

/** What a macro did, in words: "status Resolved, priority Low, tags refund, vip". */
function macroSummary(t: TFunction<'case'>, sets: MacroSets): string {
  return [
    sets.status ? t('macro.status', { value: t(`caseStatus.${sets.status}`, { ns: 'common' }) }) : null,
    sets.priority ? t('macro.priority', { value: t(`priority.${sets.priority}`) }) : null,
    sets.tags?.length ? t('macro.tags', { value: sets.tags.join(', ') }) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/**
 * Reply on one of the customer's channels, or write an internal note. `/` opens the canned responses in the
 * agent's language (a macro among them also sets the case's status, priority and tags, through the same changes
 * as the case controls); in a note `@` opens the colleagues to mention (each is notified); Ctrl+Enter (or Cmd+Enter) sends. A reply may carry files, picked or dropped on it: each is
 * uploaded at once, and the reply goes when they all are. What was sent shows in the timeline with its state.
 */
export function Composer({
  kase,
  composer,
  channels,
  canned,
  onTyping,
}: {
  /** The case written on: its id, and who may see it (only they are offered as @mentions). */
  kase: Pick<Case, 'id' | 'queueId' | 'assigneeId' | 'storeId'>;
  composer: ComposerState;
  channels: readonly Channel[];
  canned: readonly CannedResponse[];
  onTyping(): void;
}) {
  const { t, i18n } = useTranslation('case');
  const api = useApi();
  const files = useReplyAttachments();
  const [dragging, setDragging] = useState(false);
  const { mode, channel, draft, subject } = composer;
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ChannelError | null>(null);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [picked, setPicked] = useState<Mentionable[]>([]);
  const [macroApplied, setMacroApplied] = useState<MacroSets | null>(null);
  const org = useOrgReference();
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  const me = session.data?.staff.id ?? null;
  const caseId = kase.id;
  // Only colleagues who may see the case: the hub refuses a mention of anyone else (the note would tell them of it).
  const members = org.queues.find((q) => q.id === kase.queueId)?.memberIds;
  const people = useMemo(
    () => org.staff.filter((s) => s.active && s.id !== me && maySeeCase(s, kase, members)).map((s) => ({ id: s.id, name: s.name })),
    [org.staff, me, kase, members],
  );
  const matches = useMemo(() => (slash ? searchCanned(canned, slash.query) : []), [slash, canned]);
  const mentionMatches = useMemo(() => (mention ? searchMentionable(people, mention.query) : []), [mention, people]);
  const listed = slash ? matches.length : mention ? mentionMatches.length : 0;
  const replying = mode === 'reply' && channel !== null;

  const follow = (text: string, caret: number) => {
    const found = slashQueryAt(text, caret);
    const named = mode === 'note' ? mentionQueryAt(text, caret) : null;
    setSlash(found);
    setMention(named);
    if (found?.query !== slash?.query || named?.query !== mention?.query) setActive(0);
  };

  const placeCaret = (caret: number) => requestAnimationFrame(() => composer.textarea.current?.setSelectionRange(caret, caret));

  /** A macro's changes, queued like the case controls' own (so they work offline and sync the same way). */
  const applyMacro = (sets: MacroSets) => {
    if (sets.status || sets.priority) {
      void api.invoke('case.update', { caseId, ...(sets.status ? { status: sets.status } : {}), ...(sets.priority ? { priority: sets.priority } : {}) });
    }
    if (sets.tags?.length) void api.invoke('case.tag', { caseId, add: sets.tags });
    setMacroApplied(sets);
  };

  const pick = (response: CannedResponse) => {
    if (!slash) return;
    const next = insertCanned(draft, slash, response);
    composer.setDraft(next.draft);
    setSlash(null);
    placeCaret(next.caret);
    if (response.sets) applyMacro(response.sets);
  };

  const pickMention = (person: Mentionable) => {
    if (!mention) return;
    const next = insertMention(draft, mention, person);
    composer.setDraft(next.draft);
    setMention(null);
    setPicked((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
    placeCaret(next.caret);
  };

  const send = async () => {
    const text = draft.trim();
    if (text === '' || sending || (replying && files.uploading)) return;
    setSending(true);
    setError(null);
    const result = replying
      ? await api.invoke('case.reply', {
          caseId,
          channel,
          text,
          ...(channel === 'email' && subject.trim() ? { subject: subject.trim() } : {}),
          ...(files.refs.length > 0 ? { attachments: files.refs } : {}),
        })
      : await api.invoke('case.note', { caseId, text, ...withMentions(mentionedIn(text, picked)) });
    setSending(false);
    if (result.ok) {
      composer.setDraft('');
      setPicked([]);
      setMacroApplied(null);
      if (replying) files.clear();
    } else setError(result.error);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (replying && e.dataTransfer.files.length > 0) void files.add([...e.dataTransfer.files]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (listed > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : listed - 1;
        setActive((k) => (k + step) % listed);
        return;
      }
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        if (slash) pick(matches[active] ?? (matches[0] as CannedResponse));
        else pickMention(mentionMatches[active] ?? (mentionMatches[0] as Mentionable));
        return;
      }
    }
    if ((slash || mention) && e.key === 'Escape') {
      // Closes the list only: Esc must not also close the case.
      e.preventDefault();
      e.stopPropagation();
      setSlash(null);
      setMention(null);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const activeOption =
    slash && matches[active] ? cannedOptionId(matches[active].id) : mention && mentionMatches[active] ? mentionOptionId(mentionMatches[active].id) : undefined;
  return (
    <Stack
      gap="xs"
      component="section"
      aria-label={t('composer.label')}
      data-dragging={dragging || undefined}
      onDragOver={(e) => {
        if (!replying) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={dragging ? { outline: '2px dashed var(--mantine-color-blue-filled)', outlineOffset: 4 } : undefined}
    >
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
        description={mode === 'note' ? t('mentions.hint') : t('composer.cannedHint')}
        rows={4}
        resize="vertical"
        value={draft}
        data-mode={mode}
        aria-autocomplete="list"
        aria-controls={slash ? CANNED_LIST_ID : mention ? MENTION_LIST_ID : undefined}
        aria-activedescendant={activeOption}
        styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
        onChange={(e) => {
          composer.setDraft(e.currentTarget.value);
          follow(e.currentTarget.value, e.currentTarget.selectionStart);
          onTyping();
        }}
        onSelect={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setSlash(null);
          setMention(null);
        }}
      />
      {slash ? <CannedList matches={matches} active={active} onPick={pick} anchor={composer.textarea} /> : null}
      {mention ? <MentionList matches={mentionMatches} active={active} onPick={pickMention} anchor={composer.textarea} /> : null}
      {macroApplied ? (
        <Text size="xs" role="status">
          {t('macro.applied', { changes: macroSummary(t, macroApplied) })}
        </Text>
      ) : null}
      {replying ? (
        <Stack gap={4}>
          <Group gap="xs">
            <FileButton onChange={(picked) => void files.add(picked)} accept={ATTACHMENT_ACCEPT} multiple>
              {(props) => (
                <Button {...props} size="xs" variant="default" disabled={files.files.length >= MAX_ATTACHMENTS}>
                  {t('attachments.attach')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {dragging ? t('attachments.drop') : t('attachments.limits', { count: MAX_ATTACHMENTS, size: formatSize(i18n.language, MAX_ATTACHMENT_BYTES) })}
            </Text>
          </Group>
          {files.files.length > 0 ? (
            <Group gap="xs" component="ul" aria-label={t('attachments.onReply')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {files.files.map((f) => (
                <Group key={f.key} component="li" gap={4} wrap="nowrap">
                  {f.ref ? null : <Loader size={12} aria-label={t('attachments.uploading', { name: f.name })} />}
                  <Text size="xs">{f.name}</Text>
                  {f.ref ? <Text size="xs" c="dimmed">{formatSize(i18n.language, f.ref.size)}</Text> : null}
                  <CloseButton size="xs" aria-label={t('attachments.remove', { name: f.name })} onClick={() => files.remove(f.key)} />
                </Group>
              ))}
            </Group>
          ) : null}
          {files.problems.length > 0 ? (
            <Alert color="red" variant="light" role="alert" title={t('attachments.refused')}>
              {files.problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert" title={t('composer.failed')}>
          {errorText(t, error)}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t('composer.sendShortcut')}
        </Text>
        <Button onClick={() => void send()} loading={sending} disabled={draft.trim() === '' || (replying && files.uploading)} color={replying ? undefined : 'yellow'}>
          {replying ? t('composer.send') : t('composer.addNote')}
        </Button>
      </Group>
    </Stack>
  );
}
