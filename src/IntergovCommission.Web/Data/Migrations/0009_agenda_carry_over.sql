-- 0009: agenda carry-over (issue 4). KZRU-11: an item not reached is deferred and carried onto the
-- next session's draft agenda; KZRU-20: an expert group's proposal comes back onto a later
-- session's draft agenda as an item linked to the referral. Each item is carried at most once;
-- an item is referred once; a referral comes back onto one item.

ALTER TABLE agenda_items ADD COLUMN carried_from_item_id uuid;
ALTER TABLE agenda_items ADD COLUMN carry_reason character varying(32);
ALTER TABLE agenda_items ADD COLUMN referral_id uuid;
ALTER TABLE agenda_items ADD COLUMN deferred_at timestamp with time zone;
ALTER TABLE agenda_items ADD COLUMN deferred_by_person_id uuid;

ALTER TABLE agenda_items ADD CONSTRAINT fk_agenda_items_agenda_items_carried_from_item_id FOREIGN KEY (carried_from_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT;
ALTER TABLE agenda_items ADD CONSTRAINT fk_agenda_items_expert_group_referrals_referral_id FOREIGN KEY (referral_id) REFERENCES expert_group_referrals (id) ON DELETE RESTRICT;

CREATE UNIQUE INDEX ux_agenda_items_carried_from ON agenda_items (carried_from_item_id) WHERE carried_from_item_id IS NOT NULL;
CREATE UNIQUE INDEX ux_agenda_items_referral ON agenda_items (referral_id) WHERE referral_id IS NOT NULL;

-- The group's proposal in Kazakh and Russian (it was one untyped text, never written), who recorded it and when.
ALTER TABLE expert_group_referrals DROP COLUMN proposal_text;
ALTER TABLE expert_group_referrals ADD COLUMN proposal_en character varying(20000);
ALTER TABLE expert_group_referrals ADD COLUMN proposal_kk character varying(20000);
ALTER TABLE expert_group_referrals ADD COLUMN proposal_ru character varying(20000);
ALTER TABLE expert_group_referrals ADD COLUMN proposed_by_person_id uuid;
ALTER TABLE expert_group_referrals ADD COLUMN proposed_at timestamp with time zone;

-- One referral per item (a second referral of the same item during the session is refused).
DROP INDEX ix_expert_group_referrals_agenda_item_id;
CREATE UNIQUE INDEX ux_expert_group_referrals_item ON expert_group_referrals (agenda_item_id);
