/**
 * Administration: a person may be made to change their password at their next sign-in (kept beside the hash,
 * never in the synced row), and rows written before people could be deactivated, queues archived and articles
 * drafted say so explicitly (active, not archived, published), as the shared schemas default them.
 */
export const up = `
ALTER TABLE staff ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
UPDATE staff SET data = jsonb_set(data::jsonb, '{active}', 'true')::text WHERE NOT (data::jsonb ? 'active');
UPDATE queues SET data = jsonb_set(data::jsonb, '{archived}', 'false')::text WHERE NOT (data::jsonb ? 'archived');
UPDATE kb SET data = jsonb_set(data::jsonb, '{status}', '"published"')::text WHERE NOT (data::jsonb ? 'status');
`;
