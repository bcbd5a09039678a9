-- Quotas are counted per sender on every batch request: its uploads still waiting for their bytes, and its
-- albums of the last day.
CREATE INDEX assets_by_owner_stage ON assets (owner_id, stage);
CREATE INDEX messages_by_sender_time ON messages (sender_id, created_at);
