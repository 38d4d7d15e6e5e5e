/**
 * PostgreSQL schema, as numbered migrations (same tables and meaning as the SQLite schema). Released
 * migrations are never edited; changes are new migrations.
 */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
	{
		version: 1,
		sql: `
CREATE TABLE oms_meta (key text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO oms_meta (key, value) VALUES ('change_seq', 0);

CREATE TABLE oms_stock (
	warehouse text NOT NULL,
	sku text NOT NULL,
	on_hand bigint NOT NULL DEFAULT 0,
	reserved bigint NOT NULL DEFAULT 0,
	stocked boolean NOT NULL DEFAULT false,
	change_seq bigint NOT NULL DEFAULT 0,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (warehouse, sku)
);
CREATE INDEX oms_stock_change ON oms_stock (change_seq);

CREATE TABLE oms_ledger (
	id bigserial PRIMARY KEY,
	at timestamptz NOT NULL,
	sku text NOT NULL,
	warehouse text NOT NULL,
	delta_on_hand bigint NOT NULL,
	delta_reserved bigint NOT NULL,
	reason text NOT NULL,
	order_key text,
	effect_key text,
	ref text,
	note text
);
CREATE UNIQUE INDEX oms_ledger_effect ON oms_ledger (order_key, effect_key, warehouse, sku);
CREATE UNIQUE INDEX oms_ledger_ref ON oms_ledger (ref, warehouse, sku);
CREATE INDEX oms_ledger_sku ON oms_ledger (sku, id);

CREATE FUNCTION oms_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER oms_ledger_append_only BEFORE UPDATE OR DELETE ON oms_ledger FOR EACH ROW EXECUTE FUNCTION oms_append_only();

CREATE TABLE oms_orders (
	order_key text PRIMARY KEY,
	channel text NOT NULL,
	account text NOT NULL,
	channel_order_id text NOT NULL,
	status text,
	stage text NOT NULL,
	warehouse text NOT NULL,
	reserved_json jsonb NOT NULL,
	committed_json jsonb NOT NULL,
	revision integer NOT NULL,
	reserved_at text,
	channel_updated_at text,
	first_seen_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX oms_orders_expirable ON oms_orders (stage, status, reserved_at);

CREATE TABLE oms_order_events (
	id bigserial PRIMARY KEY,
	order_key text NOT NULL,
	at timestamptz NOT NULL,
	previous_status text,
	new_status text NOT NULL,
	outcome text NOT NULL,
	effects_json jsonb NOT NULL
);
CREATE INDEX oms_order_events_order ON oms_order_events (order_key, id);
CREATE TRIGGER oms_order_events_append_only BEFORE UPDATE OR DELETE ON oms_order_events FOR EACH ROW EXECUTE FUNCTION oms_append_only();
`,
	},
	{
		version: 2,
		sql: `
CREATE TABLE oms_channel_stock (
	channel text NOT NULL,
	warehouse text NOT NULL,
	sku text NOT NULL,
	pushed_value bigint NOT NULL,
	pushed_at timestamptz NOT NULL,
	PRIMARY KEY (channel, warehouse, sku)
);

CREATE TABLE oms_channel_listing (
	channel text NOT NULL,
	sku text NOT NULL,
	listing_id text NOT NULL,
	variant_id text,
	inventory_item_id text,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (channel, sku)
);
`,
	},
	{
		version: 3,
		sql: `
CREATE TABLE oms_webhook_inbox (
	channel text NOT NULL,
	account text NOT NULL,
	event_id text NOT NULL,
	received_at timestamptz NOT NULL,
	PRIMARY KEY (channel, account, event_id)
);
CREATE INDEX oms_webhook_inbox_received ON oms_webhook_inbox (received_at);
`,
	},
	{
		version: 4,
		sql: `
-- Ordered stock pushes. A recorded value carries the change number of the level it was computed from, so an
-- older push never records over a newer one. Times in the two new tables are epoch milliseconds.
ALTER TABLE oms_channel_stock ADD COLUMN pushed_seq bigint NOT NULL DEFAULT 0;

-- One push at a time per (channel account, warehouse, SKU), across executions and processes.
CREATE TABLE oms_push_lease (
	channel text NOT NULL,
	warehouse text NOT NULL,
	sku text NOT NULL,
	holder text NOT NULL,
	expires_ms bigint NOT NULL,
	PRIMARY KEY (channel, warehouse, sku)
);

-- SKUs whose push failed (refused, outcome unknown) or was deferred, retried with backoff by later runs.
CREATE TABLE oms_push_retry (
	channel text NOT NULL,
	warehouse text NOT NULL,
	sku text NOT NULL,
	attempts integer NOT NULL,
	uncertain boolean NOT NULL DEFAULT false,
	last_error text,
	last_http_code integer,
	first_failed_ms bigint NOT NULL,
	next_ms bigint NOT NULL,
	-- Grows with every record of the entry: a push clears only the revision it read.
	revision bigint NOT NULL DEFAULT 1,
	PRIMARY KEY (channel, warehouse, sku)
);
CREATE INDEX oms_push_retry_due ON oms_push_retry (channel, warehouse, next_ms);
`,
	},
	{
		version: 5,
		sql: `
-- Payment-aware expiry: each order's payment method (CanonicalOrder.paymentMethod), set by every apply;
-- orders stored before this migration did not record it and count as 'unknown'.
ALTER TABLE oms_orders ADD COLUMN payment_method text NOT NULL DEFAULT 'unknown';
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
ALTER TABLE oms_orders ADD COLUMN flags_json jsonb NOT NULL DEFAULT '[]'::jsonb;
`,
	},
	{
		version: 7,
		sql: `
-- Listing links: the SKU a channel account's listing sells (variant_id '' = the listing as a whole).
CREATE TABLE oms_listing_link (
	channel text NOT NULL,
	account text NOT NULL,
	listing_id text NOT NULL,
	variant_id text NOT NULL DEFAULT '',
	sku text NOT NULL,
	inventory_item_id text,
	source text NOT NULL,
	title text,
	created_at timestamptz NOT NULL,
	PRIMARY KEY (channel, account, listing_id, variant_id)
);
CREATE INDEX oms_listing_link_sku ON oms_listing_link (channel, account, sku);
-- The listings Push Stock found so far ("channel:account" keys) become links.
INSERT INTO oms_listing_link (channel, account, listing_id, variant_id, sku, inventory_item_id, source, created_at)
SELECT CASE WHEN strpos(channel, ':') > 0 THEN substr(channel, 1, strpos(channel, ':') - 1) ELSE channel END,
	CASE WHEN strpos(channel, ':') > 0 THEN substr(channel, strpos(channel, ':') + 1) ELSE '' END,
	listing_id, COALESCE(variant_id, ''), sku, inventory_item_id, 'catalog', updated_at
FROM oms_channel_listing ON CONFLICT DO NOTHING;

-- Open orders with lines waiting for a link: the snapshot applied last, without customer data, and the
-- lifecycle rules it was applied with, so a new link applies it again; and the waiting lines themselves.
CREATE TABLE oms_link_wait (
	order_key text PRIMARY KEY,
	snapshot_json jsonb NOT NULL,
	lifecycle_json jsonb NOT NULL,
	flags_json jsonb NOT NULL
);
CREATE TABLE oms_unlinked_line (
	order_key text NOT NULL,
	line_index integer NOT NULL,
	channel text NOT NULL,
	account text NOT NULL,
	listing_id text NOT NULL,
	variant_id text NOT NULL DEFAULT '',
	quantity bigint NOT NULL,
	title text,
	PRIMARY KEY (order_key, line_index)
);
CREATE INDEX oms_unlinked_line_listing ON oms_unlinked_line (channel, account, listing_id, variant_id);
`,
	},
	{
		version: 8,
		sql: `
-- What the store keeps of an order besides the channel's version: the furthest status the ERP posted (an
-- event, never compared with the channel's clock) and the returns registered per SKU; rows from before: none.
ALTER TABLE oms_orders ADD COLUMN facts_json jsonb NOT NULL DEFAULT '{}'::jsonb;
`,
	},
	{
		version: 9,
		sql: `
-- Kits: a SKU defined as components (SKU × units per kit). Definitions change under a change number, so the
-- changed-since feed re-publishes a kit whose definition changed.
CREATE TABLE oms_kit (
	kit_sku text PRIMARY KEY,
	change_seq bigint NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX oms_kit_change ON oms_kit (change_seq);
CREATE TABLE oms_kit_component (
	kit_sku text NOT NULL REFERENCES oms_kit (kit_sku) ON DELETE CASCADE,
	component_sku text NOT NULL,
	quantity bigint NOT NULL CHECK (quantity > 0),
	PRIMARY KEY (kit_sku, component_sku)
);
CREATE INDEX oms_kit_component_of ON oms_kit_component (component_sku);
-- Per order, the components per unit of each kit it held, as defined when it first held it.
ALTER TABLE oms_orders ADD COLUMN kits_json jsonb NOT NULL DEFAULT '{}'::jsonb;
-- A component's ledger row names the kit line it came from ('' for a SKU's own line): one effect may move a
-- SKU for its own line and for a kit line.
ALTER TABLE oms_ledger ADD COLUMN kit_sku text NOT NULL DEFAULT '';
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
	seq bigserial PRIMARY KEY,
	queue text NOT NULL,
	channel text NOT NULL,
	account text NOT NULL,
	channel_order_id text NOT NULL,
	topic text,
	body text,
	received_at timestamptz NOT NULL,
	next_ms bigint NOT NULL,
	holder text,
	attempts integer NOT NULL DEFAULT 0,
	last_error text,
	parked boolean NOT NULL DEFAULT false
);
CREATE INDEX oms_webhook_queue_due ON oms_webhook_queue (queue, parked, next_ms);
`,
	},
	{
		version: 11,
		sql: `
-- What reports need of the snapshot applied last (activity.ts OrderSummary): total, currency, ship-by deadline,
-- unmapped lines. Rows from before keep '{}' until their next apply. Event times give the status times.
ALTER TABLE oms_orders ADD COLUMN summary_json jsonb NOT NULL DEFAULT '{}'::jsonb;
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
	channel text NOT NULL,
	sku text NOT NULL,
	share_percent integer,
	max_quantity bigint,
	safety_stock bigint,
	zero_below bigint,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (channel, sku)
);
-- Per channel account: the warehouses it sells (sum published) and where its orders reserve (priority list).
CREATE TABLE oms_channel_warehouse (
	channel text PRIMARY KEY,
	sells_json jsonb NOT NULL,
	reserves_json jsonb NOT NULL,
	updated_at timestamptz NOT NULL
);
`,
	},
	{
		version: 13,
		sql: `
-- SKUs' barcodes (GTIN/EAN): Push Stock links a channel listing whose barcode names a SKU it could not find by seller SKU.
CREATE TABLE oms_sku_gtin (
	gtin text PRIMARY KEY,
	sku text NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX oms_sku_gtin_sku ON oms_sku_gtin (sku);
`,
	},
	{
		version: 14,
		sql: `
-- Publish rules per listing: a listing (or one variant of it) of a channel account may override the SKU's and
-- the account's rule, field by field; NULL fields fall back. Keyed by the listing, as links are.
CREATE TABLE oms_listing_rule (
	channel text NOT NULL,
	listing_id text NOT NULL,
	variant_id text NOT NULL DEFAULT '',
	share_percent integer,
	max_quantity bigint,
	safety_stock bigint,
	zero_below bigint,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (channel, listing_id, variant_id)
);
-- Push state per target: listing '' is the value every listing of the SKU shows; a listing with its own rule
-- (listing = its key) has its own recorded value, change number and retry entry. Leases stay per SKU.
ALTER TABLE oms_channel_stock ADD COLUMN listing text NOT NULL DEFAULT '';
ALTER TABLE oms_channel_stock DROP CONSTRAINT oms_channel_stock_pkey;
ALTER TABLE oms_channel_stock ADD PRIMARY KEY (channel, warehouse, sku, listing);
ALTER TABLE oms_push_retry ADD COLUMN listing text NOT NULL DEFAULT '';
ALTER TABLE oms_push_retry DROP CONSTRAINT oms_push_retry_pkey;
ALTER TABLE oms_push_retry ADD PRIMARY KEY (channel, warehouse, sku, listing);
`,
	},
];
