import type { Db } from '../database';
import { initial } from './0001-initial';
import { search } from './0002-search';
import { searchByTime } from './0003-search-by-time';
import { workstationSettings } from './0004-workstation-settings';
import { itemResults } from './0005-item-results';
import { rowMarks } from './0006-row-marks';
import { searchQueueUpserts } from './0007-search-queue-upserts';
import { deliveries } from './0008-deliveries';
import { attachmentFiles } from './0009-attachment-files';
import { replyDue } from './0010-reply-due';

/** One schema step. `version` is the file's number; steps run in order and never change once released. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Every migration, oldest first. Add a file `NNNN-name.ts` and append it here. */
export const MIGRATIONS: readonly Migration[] = [initial, search, searchByTime, workstationSettings, itemResults, rowMarks, searchQueueUpserts, deliveries, attachmentFiles, replyDue];
