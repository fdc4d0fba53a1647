/**
 * Administration: a person may be made to change their password at their next sign-in (kept beside the hash,
 * never in the synced row), and rows written before people could be deactivated, queues archived and articles
 * drafted say so explicitly (active, not archived, published), as the shared schemas default them.
 */
export const up = `
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
UPDATE staff SET data = json_set(data, '$.active', json('true')) WHERE json_type(data, '$.active') IS NULL;
UPDATE queues SET data = json_set(data, '$.archived', json('false')) WHERE json_type(data, '$.archived') IS NULL;
UPDATE kb SET data = json_set(data, '$.status', 'published') WHERE json_type(data, '$.status') IS NULL;
`;
