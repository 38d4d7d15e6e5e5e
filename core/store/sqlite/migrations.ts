/**
 * SQLite schema, as numbered migrations. A migration is never edited once released: changes are new
 * migrations, so a newer package opens (and upgrades) an older database.
 */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
	{
		version: 1,
		sql: `
CREATE TABLE oms_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO oms_meta (key, value) VALUES ('change_seq', 0);

CREATE TABLE oms_stock (
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	on_hand INTEGER NOT NULL DEFAULT 0,
	reserved INTEGER NOT NULL DEFAULT 0,
	stocked INTEGER NOT NULL DEFAULT 0,
	change_seq INTEGER NOT NULL DEFAULT 0,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (warehouse, sku)
) WITHOUT ROWID;
CREATE INDEX oms_stock_change ON oms_stock (change_seq);

CREATE TABLE oms_ledger (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	sku TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	delta_on_hand INTEGER NOT NULL,
	delta_reserved INTEGER NOT NULL,
	reason TEXT NOT NULL,
	order_key TEXT,
	effect_key TEXT,
	ref TEXT,
	note TEXT
);
-- An order's effect moves a SKU once; a count/adjustment reference applies once.
CREATE UNIQUE INDEX oms_ledger_effect ON oms_ledger (order_key, effect_key, warehouse, sku);
CREATE UNIQUE INDEX oms_ledger_ref ON oms_ledger (ref, warehouse, sku);
CREATE INDEX oms_ledger_sku ON oms_ledger (sku, id);
CREATE TRIGGER oms_ledger_no_update BEFORE UPDATE ON oms_ledger BEGIN SELECT RAISE(ABORT, 'oms_ledger is append-only'); END;
CREATE TRIGGER oms_ledger_no_delete BEFORE DELETE ON oms_ledger BEGIN SELECT RAISE(ABORT, 'oms_ledger is append-only'); END;

CREATE TABLE oms_orders (
	order_key TEXT PRIMARY KEY,
	channel TEXT NOT NULL,
	account TEXT NOT NULL,
	channel_order_id TEXT NOT NULL,
	status TEXT,
	stage TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	reserved_json TEXT NOT NULL,
	committed_json TEXT NOT NULL,
	revision INTEGER NOT NULL,
	reserved_at TEXT,
	channel_updated_at TEXT,
	first_seen_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX oms_orders_expirable ON oms_orders (stage, status, reserved_at);

CREATE TABLE oms_order_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	order_key TEXT NOT NULL,
	at TEXT NOT NULL,
	previous_status TEXT,
	new_status TEXT NOT NULL,
	outcome TEXT NOT NULL,
	effects_json TEXT NOT NULL
);
CREATE INDEX oms_order_events_order ON oms_order_events (order_key, id);
CREATE TRIGGER oms_order_events_no_update BEFORE UPDATE ON oms_order_events BEGIN SELECT RAISE(ABORT, 'oms_order_events is append-only'); END;
`,
	},
	{
		version: 2,
		sql: `
CREATE TABLE oms_channel_stock (
	channel TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	pushed_value INTEGER NOT NULL,
	pushed_at TEXT NOT NULL,
	PRIMARY KEY (channel, warehouse, sku)
) WITHOUT ROWID;

CREATE TABLE oms_channel_listing (
	channel TEXT NOT NULL,
	sku TEXT NOT NULL,
	listing_id TEXT NOT NULL,
	variant_id TEXT,
	inventory_item_id TEXT,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
`,
	},
	{
		version: 3,
		sql: `
-- Webhook inbox: one row per delivery (or order version) accepted; the key makes a repeat a duplicate.
CREATE TABLE oms_webhook_inbox (
	channel TEXT NOT NULL,
	account TEXT NOT NULL,
	event_id TEXT NOT NULL,
	received_at TEXT NOT NULL,
	PRIMARY KEY (channel, account, event_id)
) WITHOUT ROWID;
CREATE INDEX oms_webhook_inbox_received ON oms_webhook_inbox (received_at);
`,
	},
	{
		version: 4,
		sql: `
-- Ordered stock pushes. A recorded value carries the change number of the level it was computed from, so an
-- older push never records over a newer one. Times in the two new tables are epoch milliseconds.
ALTER TABLE oms_channel_stock ADD COLUMN pushed_seq INTEGER NOT NULL DEFAULT 0;

-- One push at a time per (channel account, warehouse, SKU), across executions and processes.
CREATE TABLE oms_push_lease (
	channel TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	holder TEXT NOT NULL,
	expires_ms INTEGER NOT NULL,
	PRIMARY KEY (channel, warehouse, sku)
) WITHOUT ROWID;

-- SKUs whose push failed (refused, outcome unknown) or was deferred, retried with backoff by later runs.
CREATE TABLE oms_push_retry (
	channel TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	uncertain INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	last_http_code INTEGER,
	first_failed_ms INTEGER NOT NULL,
	next_ms INTEGER NOT NULL,
	-- Grows with every record of the entry: a push clears only the revision it read.
	revision INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (channel, warehouse, sku)
) WITHOUT ROWID;
CREATE INDEX oms_push_retry_due ON oms_push_retry (channel, warehouse, next_ms);
`,
	},
	{
		version: 5,
		sql: `
-- Payment-aware expiry: each order's payment method (CanonicalOrder.paymentMethod), set by every apply;
-- orders stored before this migration did not record it and count as 'unknown'.
ALTER TABLE oms_orders ADD COLUMN payment_method TEXT NOT NULL DEFAULT 'unknown';
-- The cutoff is per method now: the index leads with it.
DROP INDEX oms_orders_expirable;
CREATE INDEX oms_orders_expirable_by_method ON oms_orders (stage, status, payment_method, reserved_at);
`,
	},
	{
		version: 6,
		sql: `
-- The flags of the snapshot applied last: its intake flags (unmapped_lines, currency_from_account, …) and the
-- plan's flags, so orders needing a person's look can be listed; rows from before keep an empty list.
ALTER TABLE oms_orders ADD COLUMN flags_json TEXT NOT NULL DEFAULT '[]';
`,
	},
	{
		version: 7,
		sql: `
-- Listing links: the SKU a channel account's listing sells (variant_id '' = the listing as a whole).
CREATE TABLE oms_listing_link (
	channel TEXT NOT NULL,
	account TEXT NOT NULL,
	listing_id TEXT NOT NULL,
	variant_id TEXT NOT NULL DEFAULT '',
	sku TEXT NOT NULL,
	inventory_item_id TEXT,
	source TEXT NOT NULL,
	title TEXT,
	created_at TEXT NOT NULL,
	PRIMARY KEY (channel, account, listing_id, variant_id)
) WITHOUT ROWID;
CREATE INDEX oms_listing_link_sku ON oms_listing_link (channel, account, sku);
-- The listings Push Stock found so far ("channel:account" keys) become links.
INSERT INTO oms_listing_link (channel, account, listing_id, variant_id, sku, inventory_item_id, source, created_at)
SELECT CASE WHEN instr(channel, ':') > 0 THEN substr(channel, 1, instr(channel, ':') - 1) ELSE channel END,
	CASE WHEN instr(channel, ':') > 0 THEN substr(channel, instr(channel, ':') + 1) ELSE '' END,
	listing_id, COALESCE(variant_id, ''), sku, inventory_item_id, 'catalog', updated_at
FROM oms_channel_listing WHERE true ON CONFLICT DO NOTHING;

-- Open orders with lines waiting for a link: the snapshot applied last, without customer data, and the
-- lifecycle rules it was applied with, so a new link applies it again; and the waiting lines themselves.
CREATE TABLE oms_link_wait (
	order_key TEXT PRIMARY KEY,
	snapshot_json TEXT NOT NULL,
	lifecycle_json TEXT NOT NULL,
	flags_json TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE oms_unlinked_line (
	order_key TEXT NOT NULL,
	line_index INTEGER NOT NULL,
	channel TEXT NOT NULL,
	account TEXT NOT NULL,
	listing_id TEXT NOT NULL,
	variant_id TEXT NOT NULL DEFAULT '',
	quantity INTEGER NOT NULL,
	title TEXT,
	PRIMARY KEY (order_key, line_index)
) WITHOUT ROWID;
CREATE INDEX oms_unlinked_line_listing ON oms_unlinked_line (channel, account, listing_id, variant_id);
`,
	},
	{
		version: 8,
		sql: `
-- What the store keeps of an order besides the channel's version: the furthest status the ERP posted (an
-- event, never compared with the channel's clock) and the returns registered per SKU; rows from before: none.
ALTER TABLE oms_orders ADD COLUMN facts_json TEXT NOT NULL DEFAULT '{}';
`,
	},
	{
		version: 9,
		sql: `
-- Kits: a SKU defined as components (SKU × units per kit). Definitions change under a change number, so the
-- changed-since feed re-publishes a kit whose definition changed.
CREATE TABLE oms_kit (
	kit_sku TEXT PRIMARY KEY,
	change_seq INTEGER NOT NULL,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX oms_kit_change ON oms_kit (change_seq);
CREATE TABLE oms_kit_component (
	kit_sku TEXT NOT NULL REFERENCES oms_kit (kit_sku) ON DELETE CASCADE,
	component_sku TEXT NOT NULL,
	quantity INTEGER NOT NULL CHECK (quantity > 0),
	PRIMARY KEY (kit_sku, component_sku)
) WITHOUT ROWID;
CREATE INDEX oms_kit_component_of ON oms_kit_component (component_sku);
-- Per order, the components per unit of each kit it held, as defined when it first held it.
ALTER TABLE oms_orders ADD COLUMN kits_json TEXT NOT NULL DEFAULT '{}';
-- A component's ledger row names the kit line it came from ('' for a SKU's own line): one effect may move a
-- SKU for its own line and for a kit line.
ALTER TABLE oms_ledger ADD COLUMN kit_sku TEXT NOT NULL DEFAULT '';
DROP INDEX oms_ledger_effect;
CREATE UNIQUE INDEX oms_ledger_effect ON oms_ledger (order_key, effect_key, warehouse, sku, kit_sku);
`,
	},
	{
		version: 10,
		sql: `
-- Webhook delivery queue: what a webhook accepted (the order as sent, or only its id for pointer channels),
-- waiting for a drain execution. A claim sets holder and next_ms (the claim's expiry); a row is deleted once
-- the execution that emitted it succeeded; a failure gives it back with backoff, and parks it after the
-- trigger's maximum attempts (parked rows are kept until the inbox retention prunes them).
CREATE TABLE oms_webhook_queue (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	queue TEXT NOT NULL,
	channel TEXT NOT NULL,
	account TEXT NOT NULL,
	channel_order_id TEXT NOT NULL,
	topic TEXT,
	body TEXT,
	received_at TEXT NOT NULL,
	next_ms INTEGER NOT NULL,
	holder TEXT,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	parked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX oms_webhook_queue_due ON oms_webhook_queue (queue, parked, next_ms);
`,
	},
	{
		version: 11,
		sql: `
-- What reports need of the snapshot applied last (activity.ts OrderSummary): total, currency, ship-by deadline,
-- unmapped lines. Rows from before keep '{}' until their next apply. Event times give the status times.
ALTER TABLE oms_orders ADD COLUMN summary_json TEXT NOT NULL DEFAULT '{}';
CREATE INDEX oms_orders_first_seen ON oms_orders (first_seen_at);
CREATE INDEX oms_order_events_status ON oms_order_events (order_key, new_status, at);
`,
	},
	{
		version: 12,
		sql: `
-- Per channel account (and per SKU on it) publish rules, so every workflow publishes the same number; a NULL
-- field falls back to the account's rule (sku ''), then to the Push Stock node's parameters.
CREATE TABLE oms_publish_rule (
	channel TEXT NOT NULL,
	sku TEXT NOT NULL,
	share_percent INTEGER,
	max_quantity INTEGER,
	safety_stock INTEGER,
	zero_below INTEGER,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (channel, sku)
) WITHOUT ROWID;
-- Per channel account: the warehouses it sells (sum published) and where its orders reserve (priority list).
CREATE TABLE oms_channel_warehouse (
	channel TEXT PRIMARY KEY,
	sells_json TEXT NOT NULL,
	reserves_json TEXT NOT NULL,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;
`,
	},
	{
		version: 13,
		sql: `
-- SKUs' barcodes (GTIN/EAN): Push Stock links a channel listing whose barcode names a SKU it could not find by seller SKU.
CREATE TABLE oms_sku_gtin (
	gtin TEXT PRIMARY KEY,
	sku TEXT NOT NULL,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX oms_sku_gtin_sku ON oms_sku_gtin (sku);
`,
	},
	{
		version: 14,
		sql: `
-- Publish rules per listing: a listing (or one variant of it) of a channel account may override the SKU's and
-- the account's rule, field by field; NULL fields fall back. Keyed by the listing, as links are.
CREATE TABLE oms_listing_rule (
	channel TEXT NOT NULL,
	listing_id TEXT NOT NULL,
	variant_id TEXT NOT NULL DEFAULT '',
	share_percent INTEGER,
	max_quantity INTEGER,
	safety_stock INTEGER,
	zero_below INTEGER,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (channel, listing_id, variant_id)
) WITHOUT ROWID;
-- Push state per target: listing '' is the value every listing of the SKU shows; a listing with its own rule
-- (listing = its key) has its own recorded value, change number and retry entry. Leases stay per SKU.
CREATE TABLE oms_channel_stock_v14 (
	channel TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	listing TEXT NOT NULL DEFAULT '',
	pushed_value INTEGER NOT NULL,
	pushed_at TEXT NOT NULL,
	pushed_seq INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (channel, warehouse, sku, listing)
) WITHOUT ROWID;
INSERT INTO oms_channel_stock_v14 (channel, warehouse, sku, listing, pushed_value, pushed_at, pushed_seq)
SELECT channel, warehouse, sku, '', pushed_value, pushed_at, pushed_seq FROM oms_channel_stock;
DROP TABLE oms_channel_stock;
ALTER TABLE oms_channel_stock_v14 RENAME TO oms_channel_stock;
CREATE TABLE oms_push_retry_v14 (
	channel TEXT NOT NULL,
	warehouse TEXT NOT NULL,
	sku TEXT NOT NULL,
	listing TEXT NOT NULL DEFAULT '',
	attempts INTEGER NOT NULL,
	uncertain INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	last_http_code INTEGER,
	first_failed_ms INTEGER NOT NULL,
	next_ms INTEGER NOT NULL,
	revision INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (channel, warehouse, sku, listing)
) WITHOUT ROWID;
INSERT INTO oms_push_retry_v14 (channel, warehouse, sku, listing, attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms, revision)
SELECT channel, warehouse, sku, '', attempts, uncertain, last_error, last_http_code, first_failed_ms, next_ms, revision FROM oms_push_retry;
DROP TABLE oms_push_retry;
ALTER TABLE oms_push_retry_v14 RENAME TO oms_push_retry;
CREATE INDEX oms_push_retry_due ON oms_push_retry (channel, warehouse, next_ms);
`,
	},
];
