-- 0033: search (issue #14). One row per searchable record in search_entries, kept by triggers in
-- the same transaction as the write to the record (decisions, agenda items, proposals, materials
-- and their extracted text, the minutes of a held session), with a GIN index on its tsvector.
--
-- Two analyses of every text go into one tsvector:
--   * 'russian': Snowball stemming, so «комиссии» finds «комиссия»;
--   * 'simple' over igc_fold(text): lower case, accents removed (unaccent, where the server has it)
--     and the Kazakh letters folded to the Russian ones a Russian keyboard types
--     (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и, ё→е), queried as prefixes: «казакстан» finds «Қазақстан».
-- The search folds each query word the same way (igc_search_query). Who may read a row is decided
-- at query time from the same rules as the pages (Features/Search/SearchRecords.cs).

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    END IF;
END $$;

-- Length-preserving fold (one character for one), used for highlighting: the passage found in the
-- folded text is cut at the same offsets from the original.
CREATE FUNCTION igc_fold_chars(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(lower(t), 'әғқңөұүһіёӘҒҚҢӨҰҮҺІЁ', 'агкноуухиеагкноуухие');
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        EXECUTE $f$
            CREATE FUNCTION igc_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT igc_fold_chars(unaccent(''unaccent''::regdictionary, coalesce(t, '''')))'
        $f$;
    ELSE
        EXECUTE $f$
            CREATE FUNCTION igc_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT igc_fold_chars(coalesce(t, ''''))'
        $f$;
    END IF;
END $$;

-- The document of a text: both analyses (a tsvector holds at most 1 MB: long texts are cut).
CREATE FUNCTION igc_search_tsv(t text, w "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('russian', left(coalesce(t, ''), 200000)), w)
        || setweight(to_tsvector('simple', igc_fold(left(coalesce(t, ''), 200000))), w);
$$;

-- The query: every word must match (AND); a word matches by its Russian stem or as a folded prefix.
-- Words reach here as letters and digits only (the caller keeps nothing else), so no tsquery syntax.
CREATE FUNCTION igc_search_query(words text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    w text;
    f text;
    part tsquery;
    result tsquery := NULL;
BEGIN
    FOREACH w IN ARRAY coalesce(words, '{}') LOOP
        f := regexp_replace(igc_fold(w), '[^[:alnum:]]', '', 'g');
        CONTINUE WHEN f = '';
        part := plainto_tsquery('russian', w);
        IF length(f) >= 2 THEN
            part := CASE WHEN numnode(part) = 0 THEN to_tsquery('simple', f || ':*') ELSE part || to_tsquery('simple', f || ':*') END;
        ELSIF numnode(part) = 0 THEN
            part := to_tsquery('simple', f);
        END IF;
        CONTINUE WHEN numnode(part) = 0;
        result := CASE WHEN result IS NULL THEN part ELSE result && part END;
    END LOOP;
    RETURN result;
END $$;

-- The highlighting query, over igc_fold_chars(text) parsed by 'simple': the folded word and its
-- folded Russian stem, as prefixes, any of them.
CREATE FUNCTION igc_search_highlight_query(words text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    w text;
    s text;
    f text;
    result tsquery := NULL;
    part tsquery;
BEGIN
    FOREACH w IN ARRAY coalesce(words, '{}') LOOP
        FOREACH s IN ARRAY array_prepend(w, coalesce(ts_lexize('russian_stem', lower(w)), '{}')) LOOP
            f := regexp_replace(igc_fold_chars(s), '[^[:alnum:]]', '', 'g');
            CONTINUE WHEN f = '';
            part := to_tsquery('simple', f || ':*');
            CONTINUE WHEN numnode(part) = 0;
            result := CASE WHEN result IS NULL THEN part ELSE result || part END;
        END LOOP;
    END LOOP;
    RETURN result;
END $$;

CREATE TABLE material_texts (
    material_id uuid NOT NULL,
    text text NOT NULL,
    outcome character varying(16) NOT NULL,
    extracted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_material_texts PRIMARY KEY (material_id),
    CONSTRAINT fk_material_texts_materials_material_id FOREIGN KEY (material_id) REFERENCES materials (id) ON DELETE CASCADE
);

CREATE TABLE search_entries (
    id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    commission_id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid,
    side_id uuid,
    person_id uuid,
    year integer NOT NULL,
    number character varying(64),
    title_ru text NOT NULL,
    title_kk text NOT NULL,
    title_en text NOT NULL,
    body text NOT NULL,
    document tsvector NOT NULL,
    CONSTRAINT pk_search_entries PRIMARY KEY (id)
);

CREATE INDEX ix_search_entries_document ON search_entries USING gin (document);
CREATE INDEX ix_search_entries_commission_id_year ON search_entries (commission_id, year);
CREATE INDEX ix_search_entries_session_id ON search_entries (session_id);
CREATE INDEX ix_search_entries_agenda_item_id ON search_entries (agenda_item_id);

-- The year a record is filed under: its session's, on the session's own clock.
CREATE FUNCTION igc_session_year(p_session uuid) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT extract(year FROM starts_at AT TIME ZONE time_zone_id)::integer FROM sessions WHERE id = p_session;
$$;

CREATE FUNCTION igc_search_put(p_id uuid, p_kind text, p_commission uuid, p_session uuid, p_item uuid, p_side uuid, p_person uuid,
                               p_number text, p_title_ru text, p_title_kk text, p_title_en text, p_body text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_titles text := concat_ws(' ', p_number, p_title_ru, CASE WHEN p_title_kk IS DISTINCT FROM p_title_ru THEN p_title_kk END,
                               CASE WHEN p_title_en IS DISTINCT FROM p_title_ru THEN p_title_en END);
BEGIN
    INSERT INTO search_entries (id, kind, commission_id, session_id, agenda_item_id, side_id, person_id, year, number, title_ru, title_kk, title_en, body, document)
    VALUES (p_id, p_kind, p_commission, p_session, p_item, p_side, p_person, coalesce(igc_session_year(p_session), 1900), p_number,
            coalesce(p_title_ru, p_title_kk, p_title_en, ''), coalesce(p_title_kk, p_title_ru, p_title_en, ''), coalesce(p_title_en, p_title_ru, p_title_kk, ''),
            coalesce(p_body, ''),
            igc_search_tsv(v_titles, 'A') || igc_search_tsv(p_body, 'D'))
    ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, commission_id = EXCLUDED.commission_id, session_id = EXCLUDED.session_id,
        agenda_item_id = EXCLUDED.agenda_item_id, side_id = EXCLUDED.side_id, person_id = EXCLUDED.person_id, year = EXCLUDED.year,
        number = EXCLUDED.number, title_ru = EXCLUDED.title_ru, title_kk = EXCLUDED.title_kk, title_en = EXCLUDED.title_en,
        body = EXCLUDED.body, document = EXCLUDED.document;
END $$;

-- The minutes of a held session: its items and every dissenting opinion entered in them.
CREATE FUNCTION igc_search_refresh_minutes(p_session uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    SELECT id, commission_id, number, state INTO s FROM sessions WHERE id = p_session;
    IF NOT FOUND OR s.state NOT IN ('InProgress', 'Closed') THEN
        DELETE FROM search_entries WHERE id = p_session AND kind = 'minutes';
        RETURN;
    END IF;
    PERFORM igc_search_put(s.id, 'minutes', s.commission_id, s.id, NULL, NULL, NULL, s.number::text, NULL, NULL, NULL,
        concat_ws(E'\n',
            (SELECT string_agg(concat_ws(' · ', i.title_ru, NULLIF(i.title_kk, i.title_ru)), E'\n' ORDER BY i.position) FROM agenda_items i WHERE i.session_id = s.id),
            (SELECT string_agg(o.text, E'\n' ORDER BY o.submitted_at) FROM dissenting_opinions o JOIN ballots b ON b.id = o.ballot_id WHERE b.session_id = s.id)));
END $$;

CREATE FUNCTION igc_search_index_decision(d decisions) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF d.state = 'Superseded' THEN
        DELETE FROM search_entries WHERE id = d.id;
    ELSE
        PERFORM igc_search_put(d.id, 'decision', d.commission_id, d.session_id, d.agenda_item_id, NULL, NULL, d.number,
            d.title_ru, d.title_kk, NULL, concat_ws(E'\n', d.text_ru, d.text_kk));
    END IF;
END $$;

CREATE FUNCTION igc_search_index_item(i agenda_items) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM igc_search_put(i.id, 'item', (SELECT commission_id FROM sessions WHERE id = i.session_id), i.session_id, i.id, NULL, NULL, NULL,
        i.title_ru, i.title_kk, i.title_en, concat_ws(E'\n', i.draft_decision_ru, i.draft_decision_kk, i.draft_decision_en, i.rapporteurs));
END $$;

CREATE FUNCTION igc_search_index_proposal(p agenda_proposals) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM igc_search_put(p.id, 'proposal', p.commission_id, p.session_id, p.agenda_item_id, p.side_id, p.proposer_person_id, NULL,
        p.title_ru, p.title_kk, p.title_en,
        concat_ws(E'\n', p.draft_decision_ru, p.draft_decision_kk, p.draft_decision_en, p.rationale_ru, p.rationale_kk, p.rationale_en));
END $$;

CREATE FUNCTION igc_search_index_material(p_material uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    m record;
BEGIN
    SELECT x.id, x.session_id, x.agenda_item_id, x.through_side_id, x.title, x.file_name, s.commission_id, t.text
        INTO m
        FROM materials x JOIN sessions s ON s.id = x.session_id LEFT JOIN material_texts t ON t.material_id = x.id
        WHERE x.id = p_material;
    IF NOT FOUND THEN
        DELETE FROM search_entries WHERE id = p_material;
        RETURN;
    END IF;
    PERFORM igc_search_put(m.id, 'material', m.commission_id, m.session_id, m.agenda_item_id, m.through_side_id, NULL, NULL,
        m.title, m.title, m.title, concat_ws(E'\n', m.file_name, m.text));
END $$;

CREATE FUNCTION igc_search_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'decisions' THEN
        IF TG_OP = 'DELETE' THEN DELETE FROM search_entries WHERE id = OLD.id; ELSE PERFORM igc_search_index_decision(NEW); END IF;
    ELSIF TG_TABLE_NAME = 'agenda_items' THEN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_entries WHERE id = OLD.id;
            PERFORM igc_search_refresh_minutes(OLD.session_id);
        ELSE
            PERFORM igc_search_index_item(NEW);
            PERFORM igc_search_refresh_minutes(NEW.session_id);
        END IF;
    ELSIF TG_TABLE_NAME = 'agenda_proposals' THEN
        IF TG_OP = 'DELETE' THEN DELETE FROM search_entries WHERE id = OLD.id; ELSE PERFORM igc_search_index_proposal(NEW); END IF;
    ELSIF TG_TABLE_NAME = 'materials' THEN
        PERFORM igc_search_index_material(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    ELSIF TG_TABLE_NAME = 'material_texts' THEN
        PERFORM igc_search_index_material(CASE WHEN TG_OP = 'DELETE' THEN OLD.material_id ELSE NEW.material_id END);
    ELSIF TG_TABLE_NAME = 'dissenting_opinions' THEN
        PERFORM igc_search_refresh_minutes((SELECT session_id FROM ballots WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.ballot_id ELSE NEW.ballot_id END));
    ELSIF TG_TABLE_NAME = 'sessions' THEN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_entries WHERE session_id = OLD.id;
        ELSE
            UPDATE search_entries SET year = igc_session_year(NEW.id) WHERE session_id = NEW.id AND year IS DISTINCT FROM igc_session_year(NEW.id);
            PERFORM igc_search_refresh_minutes(NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER trg_decisions_search AFTER INSERT OR DELETE OR UPDATE OF state, number, title_ru, title_kk, text_ru, text_kk ON decisions
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_agenda_items_search AFTER INSERT OR DELETE OR UPDATE OF title_ru, title_kk, title_en, draft_decision_ru, draft_decision_kk, draft_decision_en, rapporteurs, position ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_agenda_proposals_search AFTER INSERT OR DELETE OR UPDATE ON agenda_proposals
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_materials_search AFTER INSERT OR DELETE OR UPDATE OF title, file_name ON materials
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_material_texts_search AFTER INSERT OR DELETE OR UPDATE ON material_texts
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_dissenting_opinions_search AFTER INSERT OR DELETE OR UPDATE OF text ON dissenting_opinions
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();
CREATE TRIGGER trg_sessions_search AFTER DELETE OR UPDATE OF state, starts_at, time_zone_id, number ON sessions
    FOR EACH ROW EXECUTE FUNCTION igc_search_on_change();

-- What is there already.
SELECT igc_search_index_decision(d) FROM decisions d WHERE d.state <> 'Superseded';
SELECT igc_search_index_item(i) FROM agenda_items i;
SELECT igc_search_index_proposal(p) FROM agenda_proposals p;
SELECT igc_search_index_material(m.id) FROM materials m;
SELECT igc_search_refresh_minutes(s.id) FROM sessions s WHERE s.state IN ('InProgress', 'Closed');
