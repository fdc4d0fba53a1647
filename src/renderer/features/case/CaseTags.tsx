import { Badge, Button, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTags, MAX_CASE_TAGS, MAX_TAG_LENGTH, TagSchema, tagKey, type Case } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';

/**
 * A case's tags: each with a button to take it off, and a field to add one (Enter or the Add button). A tag the
 * case has already (case and accents ignored) is not added twice; the hub checks the same and the limits again.
 */
export function CaseTags({ kase }: { kase: Case }) {
  const { t } = useTranslation('case');
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const tags = caseTags(kase);
  const full = tags.length >= MAX_CASE_TAGS;

  const add = async () => {
    const parsed = TagSchema.safeParse(typed);
    if (!parsed.success) return setProblem(t('tags.invalid', { max: MAX_TAG_LENGTH }));
    if (tags.some((tag) => tagKey(tag) === tagKey(parsed.data))) return setProblem(t('tags.already', { tag: parsed.data }));
    const result = await api.invoke('case.tag', { caseId: kase.id, add: [parsed.data] });
    if (result.ok) setTyped('');
    setProblem(result.ok ? null : t('tags.failed'));
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('tags.label')}>
      <Group gap={4} component="ul" aria-label={t('tags.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tags.length === 0 ? (
          <Text size="xs" c="dimmed" component="li">
            {t('tags.none')}
          </Text>
        ) : (
          tags.map((tag) => (
            <Badge
              key={tag}
              component="li"
              variant="light"
              size="lg"
              tt="none"
              rightSection={
                <CloseButton size="xs" aria-label={t('tags.remove', { tag })} onClick={() => void api.invoke('case.tag', { caseId: kase.id, remove: [tag] })} />
              }
            >
              {tag}
            </Badge>
          ))
        )}
      </Group>
      <TextInput
        size="xs"
        label={t('tags.add')}
        value={typed}
        maxLength={MAX_TAG_LENGTH}
        disabled={full}
        description={full ? t('tags.full', { max: MAX_CASE_TAGS }) : undefined}
        error={problem}
        onChange={(e) => {
          setTyped(e.currentTarget.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void add();
        }}
      />
      <Button size="xs" variant="default" disabled={full || typed.trim() === ''} onClick={() => void add()}>
        {t('tags.addButton')}
      </Button>
    </Group>
  );
}
