import { Alert, Button, Code, CopyButton, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/domain';
import type { WebchatSettingsView } from '../../../shared/protocol';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { formatDateTime } from '../../lib/format';
import { adminRefusal, type FieldRefusal } from './refusal';
import { addOrigin, type OriginProblem } from './webchatOrigins';

/** The placeholder the hub's snippet carries where the queue's id goes. */
const QUEUE_PLACEHOLDER = 'QUEUE_ID';

/** The allowed origins: added one at a time (checked as the hub checks them), removed, then saved as a whole. */
function AllowedOrigins({ saved, onSaved }: { saved: WebchatSettingsView; onSaved(view: WebchatSettingsView): void }) {
  const { t, i18n } = useTranslation('admin');
  const api = useApi();
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<OriginProblem | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const list = origins ?? saved.allowedOrigins;
  const changed = origins !== null && origins.join('\n') !== saved.allowedOrigins.join('\n');

  const edit = (next: string[]) => {
    setOrigins(next);
    setDone(false);
  };
  function add(e: FormEvent) {
    e.preventDefault();
    const result = addOrigin(list, typed);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    setTyped('');
    edit(result.list);
  }
  async function save() {
    setBusy(true);
    const result = await api.invoke('admin.setWebchat', { allowedOrigins: list });
    setBusy(false);
    setRefusal(result.ok ? null : adminRefusal(t, result.error));
    if (!result.ok) return;
    setOrigins(null);
    setDone(true);
    onSaved(result.value);
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="webchat-origins-title">
      <Title order={3} size="h5" id="webchat-origins-title">
        {t('webchat.originsTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('webchat.originsHelp')}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" data-testid="webchat-no-origins">
          {t('webchat.noOrigins')}
        </Text>
      ) : (
        <List spacing={4} aria-labelledby="webchat-origins-title" listStyleType="none" data-testid="webchat-origins">
          {list.map((origin) => (
            <List.Item key={origin}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="origin">
                  {origin}
                </Text>
                <Button variant="subtle" color="red" size="compact-xs" aria-label={t('webchat.removeOrigin', { origin })} onClick={() => edit(list.filter((o) => o !== origin))}>
                  {t('connectors.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={add} noValidate>
        <Stack gap="xs" align="flex-start">
          <TextInput
            label={t('webchat.addOrigin')}
            description={t('webchat.originFormat')}
            placeholder="https://shop.example"
            value={typed}
            error={problem && t(`webchat.problem.${problem}`)}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setProblem(null);
            }}
            w="100%"
            maw={420}
          />
          <Button type="submit" variant="default">
            {t('webchat.add')}
          </Button>
        </Stack>
      </form>
      {refusal && (
        <Alert color="red" role="alert">
          {refusal.text}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={!changed}>
          {t('save')}
        </Button>
        {changed && (
          <Text size="sm" c="orange.9">
            {t('webchat.unsaved')}
          </Text>
        )}
        {done && (
          <Text size="sm" role="status">
            {t('webchat.saved')}
          </Text>
        )}
        {!changed && !done && saved.updatedAt !== null && (
          <Text size="sm" c="dimmed">
            {t('webchat.updatedAt', { when: formatDateTime(i18n.language, saved.updatedAt) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The tag a shop pastes into its pages, for the queue chosen, with a copy button; and how to say who is signed in. */
function EmbedSnippet({ snippet, queues }: { snippet: string; queues: readonly Queue[] }) {
  const { t } = useTranslation('admin');
  const [queueId, setQueueId] = useState(queues[0]?.id ?? '');
  const tag = queueId === '' ? snippet : snippet.replaceAll(QUEUE_PLACEHOLDER, queueId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="webchat-snippet-title">
      <Title order={3} size="h5" id="webchat-snippet-title">
        {t('webchat.snippetTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('webchat.snippetHelp')}
      </Text>
      <NativeSelect
        label={t('webchat.snippetQueue')}
        value={queueId}
        onChange={(e) => setQueueId(e.currentTarget.value)}
        data={queues.map((q) => ({ value: q.id, label: q.name }))}
        maw={420}
      />
      <Code block aria-label={t('webchat.snippetLabel')} data-testid="webchat-snippet" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {tag}
      </Code>
      <Group>
        <CopyButton value={tag}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('webchat.copied') : t('webchat.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Title order={4} size="h6">
        {t('webchat.identityTitle')}
      </Title>
      <Text size="sm">{t('webchat.identityHelp')}</Text>
      <Code block>{'data-customer-id="CUSTOMER_ID"\ndata-customer-signature="HMAC_SHA256_HEX"'}</Code>
      <Text size="sm" c="dimmed">
        {t('webchat.identityWarning')}
      </Text>
    </Stack>
  );
}

/**
 * Web chat (admins): the shop origins the widget may be embedded on (the hub refuses to be framed by, or to
 * start a conversation from, any other), and the tag to paste into the shop's pages, for a queue.
 */
export function WebchatPanel({ queues }: { queues: readonly Queue[] }) {
  const { t } = useTranslation('admin');
  const settings = useChannel('admin.webchat', {});
  // What the hub answered the last save: the settings as they now are, without asking again.
  const [saved, setSaved] = useState<WebchatSettingsView | null>(null);
  const current = saved ?? settings.data;
  if (settings.error && !current) return <Text c="red" role="alert">{adminRefusal(t, settings.error).text}</Text>;
  if (!current) return <Text c="dimmed">{t('loading')}</Text>;
  const open = queues.filter((q) => !q.archived);
  return (
    <Stack gap="xl" maw={760}>
      <Text size="sm" c="dimmed">
        {t('webchat.intro')}
      </Text>
      <AllowedOrigins saved={current} onSaved={setSaved} />
      <EmbedSnippet snippet={current.snippet} queues={open} />
    </Stack>
  );
}
