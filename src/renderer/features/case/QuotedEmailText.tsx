import { Button, Stack } from '@mantine/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { splitQuotedReply } from '../../../shared/text/quotedReply';

/**
 * A customer's email as they wrote it now, with the quoted history and signature their mail program added folded
 * behind "Show quoted text" (a button, so it is reached with Tab and says whether it is open). Only the view
 * folds: the interaction keeps the whole text. `render` draws a piece of text the way the timeline draws text.
 */
export function QuotedEmailText({ text, render }: { text: string; render(text: string): ReactNode }) {
  const { t } = useTranslation('case');
  const { reply, folded } = useMemo(() => splitQuotedReply(text), [text]);
  const [open, setOpen] = useState(false);
  const foldedId = useId();
  if (folded === '') return render(reply);
  return (
    <Stack gap={4} align="flex-start">
      {render(reply)}
      <Button size="compact-xs" variant="subtle" aria-expanded={open} aria-controls={foldedId} onClick={() => setOpen((o) => !o)}>
        {open ? t('timeline.hideQuoted') : t('timeline.showQuoted')}
      </Button>
      <div id={foldedId} hidden={!open} style={{ opacity: 0.75 }}>
        {open ? render(folded) : null}
      </div>
    </Stack>
  );
}
