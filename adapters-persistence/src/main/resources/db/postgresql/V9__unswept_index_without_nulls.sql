-- PostgreSQL's migration 9 (H2's is H2AssetsWithoutForeignKeyIndex): an asset still uploading, or swept since its last
-- change, has unswept_since NULL and needs no entry in the storage sweep's index (issue 15: fewer B-tree rows per
-- batch create). The sweep's query (unswept_since between a floor and a bound) implies the predicate. The foreign key
-- on assets.message_id stays: PostgreSQL made no index for it, assets_order_unique (message_id, display_order) serves it.
DROP INDEX assets_unswept;
CREATE INDEX assets_unswept ON assets (unswept_since) WHERE unswept_since IS NOT NULL;
