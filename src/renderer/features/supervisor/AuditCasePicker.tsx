import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseReference, type Case } from '../../../shared/domain';
import { useChannel } from '../../lib/api/useChannel';

/** Most cases offered at once. */
const SHOWN = 8;

export interface PickedCase {
  id: string;
  subject: string;
}

/**
 * The case whose trail to read, found by its subject, its reference ("K3F9Z2A"), its customer or a message in it:
 * the workstation's search over its cache, plus today's cases of the console matched by subject or reference.
 * Cases are shown by subject and customer, never by raw id.
 */
export function AuditCasePicker({ known, picked, onPick }: { known: ReadonlyMap<string, Case>; picked: PickedCase | null; onPick: (c: PickedCase | null) => void }) {
  const { t } = useTranslation('supervisor');
  const [text, setText] = useState('');
  const typed = text.trim();
  const found = useChannel('search.query', typed && !picked ? { query: typed, limit: SHOWN } : null, { refreshOn: () => false });
  if (picked) {
    return (
      <Group gap="xs" align="flex-end">
        <Text size="sm" data-testid="audit-picked-case">
          {t('audit.caseIs', { subject: picked.subject })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => onPick(null)} aria-label={t('audit.clearCase', { subject: picked.subject })}>
          {t('audit.anyCase')}
        </Button>
      </Group>
    );
  }
  const needle = typed.toLocaleLowerCase();
  const ofToday = typed ? [...known.values()].filter((c) => c.subject.toLocaleLowerCase().includes(needle) || caseReference(c.id).toLowerCase() === needle) : [];
  const unique = new Map([...ofToday, ...(found.data?.cases ?? [])].map((c) => [c.id, c]));
  const names = found.data?.customerNames ?? {};
  const options = [...unique.values()].slice(0, SHOWN);
  return (
    <Stack gap={4}>
      <TextInput label={t('audit.case')} placeholder={t('audit.casePlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      {options.length > 0 && (
        <Stack gap={2} role="group" aria-label={t('audit.caseMatches')}>
          {options.map((c) => (
            <UnstyledButton
              key={c.id}
              onClick={() => {
                onPick({ id: c.id, subject: c.subject || t('audit.untitledCase') });
                setText('');
              }}
            >
              <Text size="sm">
                {t('audit.caseOption', { subject: c.subject || t('audit.untitledCase'), reference: caseReference(c.id), customer: names[c.customerId] ?? t('audit.unknownCustomer') })}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
