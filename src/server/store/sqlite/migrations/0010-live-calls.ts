/**
 * Calls ringing for or answered by a person count against their room on the phone channel (routing), asked on
 * every call offered: an index over the live calls only, by the person they are with.
 */
export const up = `
CREATE INDEX calls_live ON calls (json_extract(data, '$.offeredTo')) WHERE json_extract(data, '$.state') IN ('ringing', 'answered');
`;
