/**
 * Every keyboard shortcut of the workspace, for the `?` sheet. Keys are as written on the keys (translated where
 * a key has a name: Enter, Esc...); `what` names the text in the `shortcuts` namespace that says what it does.
 * Whoever adds a shortcut adds it here.
 */
export interface Shortcut {
  /** Alternatives, each a combination of keys pressed together: [['Ctrl', 'K']]. */
  keys: readonly (readonly string[])[];
  what: string;
}

export const SHORTCUT_GROUPS: readonly { group: string; shortcuts: readonly Shortcut[] }[] = [
  {
    group: 'workspace',
    shortcuts: [
      { keys: [['Ctrl', 'K']], what: 'search' },
      { keys: [['?']], what: 'sheet' },
      { keys: [['Esc']], what: 'close' },
    ],
  },
  {
    group: 'inbox',
    shortcuts: [
      { keys: [['↓'], ['J']], what: 'next' },
      { keys: [['↑'], ['K']], what: 'previous' },
      { keys: [['PgDn'], ['PgUp']], what: 'page' },
      { keys: [['Home'], ['End']], what: 'ends' },
      { keys: [['Enter']], what: 'open' },
    ],
  },
  {
    group: 'case',
    shortcuts: [
      { keys: [['Ctrl', 'Enter']], what: 'send' },
      { keys: [['/']], what: 'canned' },
      { keys: [['↑'], ['↓']], what: 'cannedChoose' },
      { keys: [['Enter']], what: 'cannedInsert' },
      { keys: [['Esc']], what: 'cannedClose' },
      { keys: [['@']], what: 'mention' },
    ],
  },
  {
    group: 'calls',
    shortcuts: [
      { keys: [['Alt', 'A']], what: 'answer' },
      { keys: [['Alt', 'D']], what: 'decline' },
      { keys: [['Alt', 'H']], what: 'hangup' },
    ],
  },
  {
    group: 'search',
    shortcuts: [
      { keys: [['↑'], ['↓']], what: 'move' },
      { keys: [['Enter']], what: 'open' },
      { keys: [['Esc']], what: 'close' },
    ],
  },
  {
    group: 'store',
    shortcuts: [
      { keys: [['Ctrl', 'Enter']], what: 'continue' },
      { keys: [['Esc']], what: 'close' },
    ],
  },
];
