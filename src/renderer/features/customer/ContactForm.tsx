import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { homeCountry, LANGS } from '../../../shared/domain';
import { useChannel } from '../../lib/api/useChannel';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { useOrgReference } from '../case/useOrgReference';
import { validateContact, type ContactErrors, type ContactValues } from './contactForm';

type Valid = Extract<ReturnType<typeof validateContact>, { ok: true }>['patch'];

/**
 * Contact details of a customer, checked as the agent submits (errors next to their field, focus on the first).
 * Used to edit a customer and to create one for an unknown caller (`loyalty` off).
 */
export function ContactForm({
  initial,
  submitLabel,
  loyalty = true,
  onSubmit,
  onCancel,
}: {
  initial: ContactValues;
  submitLabel: string;
  loyalty?: boolean;
  onSubmit(patch: Valid): Promise<void> | void;
  onCancel(): void;
}) {
  const { t } = useTranslation('customer');
  const org = useOrgReference();
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  // Numbers typed without a country code are the person's store's or queues' country's (none: code required).
  const me = session.data?.staff;
  const country = me ? homeCountry(me, org.stores, org.queues) : null;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (field: keyof ContactValues) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears the event's currentTarget before a state updater runs.
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const error = (field: keyof ContactValues) => (errors[field] ? t(errors[field]) : undefined);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const result = validateContact(values, country);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(result.patch);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}>
      <Stack gap="sm">
        <TextInput name="name" label={t('form.name')} required value={values.name} onChange={set('name')} error={error('name')} data-autofocus />
        <Textarea name="emails" label={t('form.emails')} description={t('form.onePerLine')} rows={2} value={values.emails} onChange={set('emails')} error={error('emails')} />
        <Textarea name="phones" label={t('form.phones')} description={t('form.onePerLine')} rows={2} value={values.phones} onChange={set('phones')} error={error('phones')} />
        {loyalty ? (
          <TextInput name="loyaltyNumber" label={t('form.loyalty')} value={values.loyaltyNumber} onChange={set('loyaltyNumber')} error={error('loyaltyNumber')} />
        ) : null}
        <NativeSelect
          name="language"
          label={t('form.language')}
          value={values.language}
          data={LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          onChange={set('language')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
