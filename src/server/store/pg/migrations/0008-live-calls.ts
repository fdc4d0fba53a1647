/**
 * As the SQLite schema's migration 0010: calls ringing for or answered by a person count against their room on
 * the phone channel, asked on every call offered, through an index over the live calls only.
 */
// IF NOT EXISTS: running it again changes nothing (the refold test rewinds the version past it).
export const up = `
CREATE INDEX IF NOT EXISTS calls_live ON calls ((data::jsonb ->> 'offeredTo')) WHERE (data::jsonb ->> 'state') IN ('ringing', 'answered');
`;
