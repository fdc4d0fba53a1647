/**
 * Calls ringing for or answered by a person count against their room on the phone channel (routing), asked on
 * every call offered: an index over the live calls only, by the person they are with.
 */
// IF NOT EXISTS: running it again changes nothing (the refold test rewinds the version past it).
export const up = `
CREATE INDEX IF NOT EXISTS calls_live ON calls (json_extract(data, '$.offeredTo')) WHERE json_extract(data, '$.state') IN ('ringing', 'answered');
`;
