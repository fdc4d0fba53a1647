/**
 * The hub <-> workstation protocol: Socket.IO events, HTTP bodies and the change feed.
 *
 * How a workstation stays in sync (docs/architecture.md, "The sync protocol"):
 *
 * 1. Connect with `auth: { token }` (an access token from `POST /api/v1/auth/login`). The hub checks it in the
 *    handshake, answers `hello` (staff, scope, log head, policy, row schema version) and re-checks expiry on every event; when the
 *    token runs out it emits `auth:expired` and the client renews it with `auth:renew` or reconnects. When an
 *    admin changes the policy, every connection gets the new one in a `policy` event, replacing hello's.
 * 2. Bootstrap (empty cache): page through `sync:snapshot` until `done`, keeping `after` and `hwm` in the cache
 *    in the same transaction as each page, so a restart resumes where it stopped. Then set the cursor to `hwm`.
 * 3. Catch up: `sync:pull` from the cursor until `more` is false, storing the returned cursor with the
 *    changes in one transaction. Out-of-scope changes are skipped by the hub but still move the cursor.
 * 4. Live: the hub pushes `changes` `{from, to, changes}`. If `from` is above the client's cursor, something
 *    was missed (Socket.IO delivers at most once): the client pulls. Changes at or below the cursor are skipped.
 *    Every row carries its `seq`; a client applies a row only if it is newer than the row it holds, so
 *    snapshots, fetches and the log can overlap in any order and still converge.
 * 5. Scope: a change may bring a case into scope that the client has never seen (a case reassigned to me):
 *    the client asks `case:fetch` for its history (one request for all the cases an apply brought). A change that takes a case out of scope (moved to another
 *    queue, assignee changed) is still sent to the people who saw it before, so they drop it. When membership
 *    changes the hub emits `scope`; the client drops what is outside and snapshots the new queues
 *    (`sync:snapshot` with `queueIds`).
 * 6. Mutations go through `mutate`, each with a client `mutationId` (UUIDv7). The hub records each id with its
 *    result in the same transaction as the change; a retry gets the first result back, so a mutation is applied
 *    once however often it is sent. State changes carry `basedOn.version`: a stale one is refused with reason
 *    `stale` and the current row. A reply carries the last message its author saw: if the author no longer
 *    owns the case, or the customer or another person wrote since, the reply is held (outcome `held`, a
 *    HeldReply row the author and the owner see) and the author resends it, turns it into a note, or discards
 *    it. An applied mutation's answer carries the `basis` it produced: the outbox bases the author's changes
 *    queued behind it on that, so a person's own changes never conflict (src/server/conflicts.ts).
 */
export * from './admin';
export * from './changes';
export * from './mutations';
export * from './http';
export * from './events';
export * from './delivery';
export * from './mailbox';
export * from './webchat';
export * from './reports';
export * from './voc';
