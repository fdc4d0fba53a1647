import { Button, Group, Modal, NativeSelect, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SAVED_VIEWS, type IpcResult, type SavedView } from '../../../shared/ipc/contract';
import { errorText } from '../../lib/errorText';
import type { InboxFilters } from './inboxQuery';
import type { InboxPreferencesState } from './useInboxPreferences';

const NONE = '';
const sameFilters = (a: InboxFilters, b: InboxFilters) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  filters: InboxFilters;
  prefs: InboxPreferencesState;
  onPick(filters: InboxFilters): void;
}

/**
 * Named filters of my own: pick one to filter the inbox with it, save the current filters under a name, rename
 * or delete the view picked. A view stays picked while the filters are its own (changing one unpicks it).
 */
export function SavedViews({ filters, prefs, onPick }: Props) {
  const { t } = useTranslation('inbox');
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [naming, setNaming] = useState<{ view: SavedView | null } | null>(null);
  const picked = prefs.views.find((v) => v.id === pickedId && sameFilters(v.filters, filters)) ?? null;

  async function remove(view: SavedView) {
    const result = await prefs.change('inbox.deleteView', { viewId: view.id });
    if (result.ok) setPickedId(null);
  }

  return (
    <Group gap="xs" px="xs" wrap="nowrap" role="group" aria-label={t('views.label')}>
      <NativeSelect
        size="xs"
        aria-label={t('views.pick')}
        value={picked?.id ?? NONE}
        data={[{ value: NONE, label: t('views.none') }, ...prefs.views.map((v) => ({ value: v.id, label: v.name }))]}
        onChange={(e) => {
          const view = prefs.views.find((v) => v.id === e.currentTarget.value);
          setPickedId(view?.id ?? null);
          if (view) onPick(view.filters);
        }}
        style={{ flex: 1, minWidth: 0, maxWidth: 220 }}
      />
      <Button size="compact-xs" variant="default" onClick={() => setNaming({ view: null })}>
        {t('views.save')}
      </Button>
      {picked && (
        <>
          <Button size="compact-xs" variant="default" onClick={() => setNaming({ view: picked })} aria-label={t('views.renameNamed', { name: picked.name })}>
            {t('views.rename')}
          </Button>
          <Button size="compact-xs" variant="default" color="red" onClick={() => void remove(picked)} aria-label={t('views.deleteNamed', { name: picked.name })}>
            {t('views.delete')}
          </Button>
        </>
      )}
      {naming && (
        <ViewNameDialog
          view={naming.view}
          onClose={() => setNaming(null)}
          onSubmit={async (name) => {
            const result = naming.view
              ? await prefs.change('inbox.renameView', { viewId: naming.view.id, name })
              : await prefs.change('inbox.saveView', { name, filters });
            if (result.ok && !naming.view) setPickedId(result.value.views.find((v) => v.name === name.trim())?.id ?? null);
            return result;
          }}
        />
      )}
    </Group>
  );
}

/** Names a new view (the current filters) or renames one; says so when the name is taken. */
function ViewNameDialog({ view, onClose, onSubmit }: { view: SavedView | null; onClose(): void; onSubmit(name: string): Promise<IpcResult<unknown>> }) {
  const { t } = useTranslation('inbox');
  const [name, setName] = useState(view?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(t('views.nameNeeded'));
    const result = await onSubmit(name);
    if (result.ok) onClose();
    else if (result.error.code !== 'conflict') setError(errorText(t, result.error));
    // The engine names the field when the name is taken; a conflict without one is the most views kept.
    else setError(result.error.field === 'name' ? t('views.nameTaken') : t('views.tooMany', { n: MAX_SAVED_VIEWS }));
  }
  return (
    <Modal opened onClose={onClose} title={view ? t('views.renameTitle') : t('views.saveTitle')} closeButtonProps={{ 'aria-label': t('views.close') }}>
      <form onSubmit={(e) => void submit(e)}>
        <TextInput
          data-autofocus
          label={t('views.name')}
          value={name}
          maxLength={60}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('views.cancel')}
          </Button>
          <Button type="submit">{view ? t('views.rename') : t('views.save')}</Button>
        </Group>
      </form>
    </Modal>
  );
}
