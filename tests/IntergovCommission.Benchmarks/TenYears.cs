using System.Diagnostics;
using System.Globalization;
using IntergovCommission.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// Ten years of an installation (issue #16), written straight by SQL beside what the use cases made:
/// the demo commission and 19 more on its profile (500 people), 50 held sessions each (1,000), ten
/// items each with a closed ballot, 20 votes (200,000), an issued decision signed by every voter and
/// approved by both co-chairs (10,000 decisions, 220,000 signatures), five materials with text
/// (50,000), an assignment under each decision, attendance, and 500,000 audit rows linked into the
/// one hash chain after its head (so the app's verification at start-up finds it intact). The last
/// held session of the demo commission keeps its decisions in signing (the draft PDF is rendered from
/// them) and a pack of large distinct files (the ZIP streaming check).
/// </summary>
public static class TenYears
{
    public sealed record Counts(int Commissions, int People, int Sessions, int Decisions, int Signatures, int Votes, int Materials, int Assignments, long AuditRows);

    public sealed record Landmarks(Guid CommissionId, Guid HeldSessionId, Guid IssuedDecisionId, Guid SigningDecisionId, Guid PackSessionId, long PackBytes);

    private static readonly string[] Words =
    [
        "программа", "испытаний", "лётных", "комплекса", "стартового", "ракеты", "носителя", "Байконур", "телеметрии", "безопасности",
        "экологического", "мониторинга", "аренды", "финансирования", "графика", "поставки", "топлива", "утвердить", "поручить", "сторонам",
        "бағдарламасы", "сынақтарының", "ұшу", "кешенінің", "зымыран", "тасығыш", "қауіпсіздігі", "экологиялық", "мониторинг", "жалдау",
    ];

    public static async Task<(Counts Counts, Landmarks Landmarks)> GenerateAsync(string connectionString, Guid demoCommissionId, int auditRows, int packFiles, Action<string> log)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        var vocabulary = string.Join(",", Words.Select(w => "'" + w + "'"));
        var sql = $$"""
            SET LOCAL synchronous_commit = off;
            CREATE FUNCTION pg_temp.words(k integer) RETURNS text LANGUAGE sql VOLATILE AS $f$
                SELECT string_agg((ARRAY[{{vocabulary}}])[1 + floor(random() * {{Words.Length}})::int], ' ') FROM generate_series(1, k);
            $f$;
            INSERT INTO stored_files (id, sha256, size, content_type, content, created_at)
                VALUES ('00000000-0000-0000-0000-00000000a001', repeat('a', 64), 4, 'application/pdf', '\x25504446', now());
            INSERT INTO commissions (id, code, profile_id, created_at, name_ru, name_kk, name_en)
                SELECT gen_random_uuid(), 'G' || lpad(g::text, 2, '0'), c.profile_id, now(),
                       'Межгосударственная комиссия № ' || g, '№ ' || g || ' мемлекетаралық комиссия', 'Interstate commission No. ' || g
                FROM commissions c, generate_series(1, 19) g WHERE c.id = '{{demoCommissionId}}';
            CREATE TEMP TABLE g_comm AS
                SELECT id, row_number() OVER (ORDER BY code) AS n FROM commissions WHERE code ~ '^G[0-9][0-9]$';
            INSERT INTO sides (id, commission_id, code, time_zone_id, name_ru, name_kk, name_en)
                SELECT gen_random_uuid(), c.id, s.code, s.zone, s.name_ru, s.name_kk, s.name_en FROM g_comm c,
                    (VALUES ('KZ', 'Asia/Almaty', 'Казахстанская сторона', 'Қазақстан тарапы', 'Kazakhstan side'),
                            ('RU', 'Europe/Moscow', 'Российская сторона', 'Ресей тарапы', 'Russian side')) s(code, zone, name_ru, name_kk, name_en);
            CREATE TEMP TABLE g_people AS
                SELECT gen_random_uuid() AS id, c.id AS commission_id, p AS n FROM g_comm c, generate_series(1, 25) p;
            INSERT INTO people (id, created_at, full_name_ru, full_name_kk, full_name_en, email)
                SELECT id, now(), 'Участник ' || n || ' ' || left(commission_id::text, 8), 'Қатысушы ' || n || ' ' || left(commission_id::text, 8),
                       'Participant ' || n || ' ' || left(commission_id::text, 8), 'p' || n || '.' || left(commission_id::text, 8) || '@bench.local'
                FROM g_people;
            INSERT INTO memberships (id, commission_id, side_id, person_id, role, appointing_act_number, appointing_act_date, term_start,
                                     organisation_ru, position_ru, appointing_authority_ru)
                SELECT gen_random_uuid(), p.commission_id,
                       (SELECT id FROM sides s WHERE s.commission_id = p.commission_id AND s.code = CASE WHEN p.n % 2 = 1 THEN 'KZ' ELSE 'RU' END),
                       p.id, CASE WHEN p.n <= 2 THEN 'CoChair' WHEN p.n <= 4 THEN 'Secretary' WHEN p.n <= 6 THEN 'DeputyCoChair' ELSE 'Member' END,
                       '№ ' || p.n, date '2015-12-01', date '2016-01-01', 'Министерство', 'Эксперт', 'Правительство'
                FROM g_people p;
            CREATE TEMP TABLE g_all AS
                SELECT id, 0 AS n FROM commissions WHERE id = '{{demoCommissionId}}' UNION ALL SELECT id, n FROM g_comm;
            CREATE TEMP TABLE g_voters AS
                SELECT m.commission_id, m.id AS membership_id, m.person_id, m.side_id, m.role,
                       row_number() OVER (PARTITION BY m.commission_id ORDER BY m.role, m.id) AS r
                FROM memberships m JOIN g_all c ON c.id = m.commission_id
                WHERE m.role IN ('CoChair', 'DeputyCoChair', 'Member') AND m.ended_on IS NULL;
            DELETE FROM g_voters WHERE r > 20;
            CREATE TEMP TABLE g_sessions AS
                SELECT gen_random_uuid() AS id, c.id AS commission_id, g AS n,
                       make_timestamptz(2016 + g / 5, 1 + (g % 5) * 2, 15, 10, 0, 0, 'Asia/Almaty') AS starts_at
                FROM g_all c, generate_series(0, 49) g;
            INSERT INTO sessions (id, commission_id, number, kind, format, place, starts_at, time_zone_id, state, created_at, agenda_version, sent_version, published_at, profile_id)
                SELECT s.id, s.commission_id, 1000 + s.n, 'Regular', 'InPerson', 'Астана', s.starts_at, 'Asia/Almaty', 'Closed', s.starts_at - interval '40 days', 2, 2,
                       s.starts_at - interval '20 days', c.profile_id
                FROM g_sessions s JOIN commissions c ON c.id = s.commission_id;
            INSERT INTO attendance_records (id, session_id, membership_id, mode, must_attend_in_person, self_check_in, updated_at)
                SELECT gen_random_uuid(), s.id, m.id, CASE WHEN random() < 0.1 THEN 'Video' ELSE 'InPerson' END, false, false, s.starts_at
                FROM g_sessions s JOIN memberships m ON m.commission_id = s.commission_id AND m.role <> 'Invitee' AND m.ended_on IS NULL;
            CREATE TEMP TABLE g_items AS
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS ballot_id, gen_random_uuid() AS decision_id, s.id AS session_id, s.commission_id, s.n AS session_n,
                       s.starts_at, p AS position, row_number() OVER (PARTITION BY s.commission_id ORDER BY s.n, p) AS k,
                       (s.commission_id = '{{demoCommissionId}}' AND s.n = 49) AS signing
                FROM g_sessions s, generate_series(1, 10) p;
            INSERT INTO agenda_items (id, session_id, position, decision_kind, is_unscheduled, title_ru, title_kk, draft_decision_ru, draft_decision_kk, rapporteurs)
                SELECT i.id, i.session_id, i.position, 'ProgrammeApprovalOrChange', false, 'О ' || pg_temp.words(6), pg_temp.words(6) || ' туралы',
                       pg_temp.words(40), pg_temp.words(40), 'Докладчик'
                FROM g_items i;
            INSERT INTO ballots (id, session_id, agenda_item_id, round, text_version, text_kk, text_ru, text_hash, state, opened_by_membership_id, opened_at,
                                 closed_by_membership_id, closed_at, voters_present_at_close, for_count, against_count, abstain_count, adopted)
                SELECT i.ballot_id, i.session_id, i.id, 1, 1, '', '', repeat('0', 64), 'Closed', v.membership_id, i.starts_at + i.position * interval '10 minutes',
                       v.membership_id, i.starts_at + i.position * interval '10 minutes' + interval '5 minutes', 20, 18, 1, 1, true
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id AND v.r = 1;
            INSERT INTO votes (id, ballot_id, membership_id, choice, cast_at, changes)
                SELECT gen_random_uuid(), i.ballot_id, v.membership_id, CASE WHEN v.r = 19 THEN 'Against' WHEN v.r = 20 THEN 'Abstain' ELSE 'For' END,
                       i.starts_at + i.position * interval '10 minutes' + interval '1 minute', 0
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id;
            INSERT INTO decisions (id, commission_id, session_id, agenda_item_id, ballot_id, number, kind, version_number, title_kk, title_ru, text_kk, text_ru,
                                   present_at_vote, state, content_hash, route, route_rule_id, copies, signing_started_at, approved_at)
                SELECT i.decision_id, i.commission_id, i.session_id, i.id, i.ballot_id, 'H-' || i.k, 'ProgrammeApprovalOrChange', 1,
                       pg_temp.words(8), pg_temp.words(8), pg_temp.words(120), pg_temp.words(120),
                       (SELECT array_agg(v.membership_id) FROM g_voters v WHERE v.commission_id = i.commission_id),
                       CASE WHEN i.signing THEN 'Signing' ELSE 'Issued' END, md5(i.decision_id::text) || md5(i.id::text), 'Full', 'KZRU-18', 2,
                       i.starts_at + interval '1 day', CASE WHEN i.signing THEN NULL ELSE i.starts_at + interval '5 days' END
                FROM g_items i;
            INSERT INTO decision_signatures (id, decision_id, membership_id, person_id, side_id, role, kind, signed_hash, signed_at, from_address, provider)
                SELECT gen_random_uuid(), i.decision_id, v.membership_id, v.person_id, v.side_id, v.role, 'Sign',
                       CASE WHEN i.signing AND v.r % 4 = 0 THEN NULL ELSE md5(i.decision_id::text) || md5(i.id::text) END,
                       CASE WHEN i.signing AND v.r % 4 = 0 THEN NULL ELSE i.starts_at + interval '2 days' END,
                       CASE WHEN i.signing AND v.r % 4 = 0 THEN NULL ELSE '10.0.0.1' END, CASE WHEN i.signing AND v.r % 4 = 0 THEN NULL ELSE 'password' END
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id;
            INSERT INTO decision_signatures (id, decision_id, membership_id, person_id, side_id, role, kind, signed_hash, signed_at, from_address, provider)
                SELECT gen_random_uuid(), i.decision_id, v.membership_id, v.person_id, v.side_id, v.role, 'Approve', md5(i.decision_id::text) || md5(i.id::text),
                       i.starts_at + interval '5 days', '10.0.0.1', 'password'
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id AND v.role = 'CoChair' WHERE NOT i.signing;
            INSERT INTO issued_decision_documents (id, decision_id, version_number, file_id, sha256, issued_at)
                SELECT gen_random_uuid(), i.decision_id, 1, '00000000-0000-0000-0000-00000000a001', repeat('a', 64), i.starts_at + interval '5 days'
                FROM g_items i WHERE NOT i.signing;
            INSERT INTO materials (id, session_id, agenda_item_id, file_id, title, file_name, file_type, size, sha256, submitted_by_person_id, through_side_id,
                                   uploaded_by_person_id, uploaded_at, version_number)
                SELECT gen_random_uuid(), i.session_id, i.id, '00000000-0000-0000-0000-00000000a001', 'Справка ' || m || ': ' || pg_temp.words(5),
                       'doc' || m || '.pdf', 'Pdf', 4, repeat('a', 64), v.person_id, v.side_id, v.person_id,
                       i.starts_at - interval '15 days', 1
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id AND v.r = 1, generate_series(1, 5) m;
            INSERT INTO material_texts (material_id, text, outcome, extracted_at)
                SELECT m.id, pg_temp.words(60), 'extracted', now() FROM materials m JOIN g_items i ON i.id = m.agenda_item_id;
            INSERT INTO assignments (id, commission_id, side_id, number, source, decision_id, task_ru, task_kk, organisation, responsible_name, controller_person_id,
                                     state, due_on, original_due_on, years_without_calendar, created_by_person_id, created_at, closed_at)
                SELECT gen_random_uuid(), i.commission_id, v.side_id, 1000 + i.k, 'Decision', i.decision_id, 'Обеспечить ' || pg_temp.words(10), pg_temp.words(10),
                       (ARRAY['Аэрокосмический комитет', 'Госкорпорация «Роскосмос»', 'Министерство финансов', 'Министерство экологии'])[1 + i.k % 4],
                       'Ответственный ' || i.k, v.person_id,
                       CASE WHEN i.session_n >= 48 THEN 'Open' ELSE 'Accepted' END,
                       (i.starts_at + interval '90 days')::date, (i.starts_at + interval '90 days')::date, '{}', v.person_id, i.starts_at + interval '6 days',
                       CASE WHEN i.session_n >= 48 THEN NULL ELSE i.starts_at + interval '80 days' END
                FROM g_items i JOIN g_voters v ON v.commission_id = i.commission_id AND v.r = 1;
            """;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        log($"records generated in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();

        // The demo commission's last held session (its decisions still in signing, made so above): a pack of
        // large files, each distinct, for the streaming check.
        var held = await ScalarAsync<Guid>(connection, $"SELECT id FROM sessions WHERE commission_id = '{demoCommissionId}' AND number = 1049");
        var packBytes = await WritePackAsync(connection, held, packFiles);
        log($"pack: {packFiles} distinct files, {packBytes / 1048576.0:F0} MB, in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();

        var chained = await WriteAuditAsync(connection, demoCommissionId, auditRows);
        log($"audit: {chained:N0} rows linked into the chain and copied in {clock.Elapsed.TotalSeconds:F0} s; ANALYZE …");
        await ExecAsync(connection, "VACUUM ANALYZE");

        var counts = new Counts(
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM commissions"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM people"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM sessions"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM decisions"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM decision_signatures"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM votes"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM materials"),
            await ScalarAsync<int>(connection, "SELECT count(*)::int FROM assignments"),
            await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_entries"));
        var landmarks = new Landmarks(
            demoCommissionId,
            await ScalarAsync<Guid>(connection, $"SELECT id FROM sessions WHERE commission_id = '{demoCommissionId}' AND number = 1048"),
            await ScalarAsync<Guid>(connection, $"SELECT d.id FROM decisions d JOIN sessions s ON s.id = d.session_id WHERE s.commission_id = '{demoCommissionId}' AND s.number = 1048 ORDER BY d.number LIMIT 1"),
            await ScalarAsync<Guid>(connection, $"SELECT id FROM decisions WHERE session_id = '{held}' ORDER BY number LIMIT 1"),
            held,
            packBytes);
        return (counts, landmarks);
    }

    /// <summary>Distinct incompressible files of 2 MB on the session's first item (what a real pack holds: scans, PDFs).</summary>
    private static async Task<long> WritePackAsync(NpgsqlConnection connection, Guid sessionId, int files)
    {
        var item = await ScalarAsync<Guid>(connection, $"SELECT id FROM agenda_items WHERE session_id = '{sessionId}' ORDER BY position LIMIT 1");
        var person = await ScalarAsync<Guid>(connection, $"SELECT submitted_by_person_id FROM materials WHERE agenda_item_id = '{item}' LIMIT 1");
        var side = await ScalarAsync<Guid>(connection, $"SELECT through_side_id FROM materials WHERE agenda_item_id = '{item}' LIMIT 1");
        var random = new Random(16);
        var content = new byte[2 * 1024 * 1024];
        long total = 0;
        for (var i = 0; i < files; i++)
        {
            random.NextBytes(content);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            var fileId = Guid.NewGuid();
            await using var command = new NpgsqlCommand("""
                INSERT INTO stored_files (id, sha256, size, content_type, content, created_at) VALUES (@f, @sha, @size, 'application/pdf', @content, now());
                INSERT INTO materials (id, session_id, agenda_item_id, file_id, title, file_name, file_type, size, sha256, submitted_by_person_id, through_side_id,
                                       uploaded_by_person_id, uploaded_at, version_number)
                VALUES (gen_random_uuid(), @s, @i, @f, @title, @name, 'Pdf', @size, @sha, @p, @side, @p, now(), 1);
                """, connection);
            command.Parameters.AddWithValue("f", fileId);
            command.Parameters.AddWithValue("sha", sha);
            command.Parameters.AddWithValue("size", (long)content.Length);
            command.Parameters.AddWithValue("content", content);
            command.Parameters.AddWithValue("s", sessionId);
            command.Parameters.AddWithValue("i", item);
            command.Parameters.AddWithValue("title", $"Скан приложения {i + 1}");
            command.Parameters.AddWithValue("name", $"scan-{i + 1:D3}.pdf");
            command.Parameters.AddWithValue("p", person);
            command.Parameters.AddWithValue("side", side);
            await command.ExecuteNonQueryAsync();
            total += content.Length;
        }

        return total;
    }

    /// <summary>
    /// Audit rows over ten years (casts, sign-ins, edits, reads of documents), linked after the chain's head
    /// with the app's own <see cref="AuditEntry.Link"/>, then binary-copied.
    /// </summary>
    private static async Task<long> WriteAuditAsync(NpgsqlConnection connection, Guid demoCommissionId, int rows)
    {
        var commissions = new List<Guid>();
        await using (var list = new NpgsqlCommand("SELECT id FROM commissions ORDER BY code", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                commissions.Add(reader.GetGuid(0));
            }
        }

        long seq = 0;
        var previous = IntergovCommission.Domain.Audit.AuditCanonicalForm.Genesis;
        await using (var head = new NpgsqlCommand("SELECT seq, hash FROM audit_entries WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1", connection))
        await using (var reader = await head.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                seq = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        // Rows written before now (the history), then the chain continues as the app appends.
        var actions = new[] { "Live.CastVote", "Account.SignIn", "Agenda.SaveItem", "Documents.GetDecisionPdf", "Decisions.SignDecision", "Materials.Upload", "Live.RegisterAttendance" };
        var random = new Random(1016);
        var start = new DateTimeOffset(2016, 1, 10, 4, 0, 0, TimeSpan.Zero);
        var span = (DateTimeOffset.UtcNow.AddDays(-2) - start).Ticks;
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (id, at, user_id, user_name, commission_id, action, request, changes, correlation_id, remote_address, seq, previous_hash, hash) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < rows; i++)
        {
            var commission = commissions[random.Next(commissions.Count)];
            var action = actions[random.Next(actions.Length)];
            var at = start.AddTicks(span / rows * i);
            var request = $"{{\"BallotId\":\"{Guid.NewGuid()}\",\"Choice\":\"For\"}}";
            var changes = action == "Live.CastVote" ? $"[{{\"Entity\":\"Vote\",\"State\":\"Added\",\"Values\":{{\"Choice\":\"For\"}}}}]" : "[]";
            var entry = new AuditEntry(Guid.CreateVersion7(at), at, null, "bench.user" + random.Next(500).ToString(CultureInfo.InvariantCulture), commission, action, request, changes,
                Guid.NewGuid().ToString("N"), "10.0.0." + random.Next(1, 250).ToString(CultureInfo.InvariantCulture));
            entry.Link(++seq, previous);
            previous = entry.Hash!;
            await import.StartRowAsync();
            await import.WriteAsync(entry.Id, NpgsqlDbType.Uuid);
            await import.WriteAsync(entry.At, NpgsqlDbType.TimestampTz);
            await import.WriteNullAsync();
            await import.WriteAsync(entry.UserName, NpgsqlDbType.Varchar);
            await import.WriteAsync(entry.CommissionId!.Value, NpgsqlDbType.Uuid);
            await import.WriteAsync(entry.Action, NpgsqlDbType.Varchar);
            await import.WriteAsync(entry.Request, NpgsqlDbType.Jsonb);
            await import.WriteAsync(entry.Changes, NpgsqlDbType.Jsonb);
            await import.WriteAsync(entry.CorrelationId, NpgsqlDbType.Varchar);
            await import.WriteAsync(entry.RemoteAddress, NpgsqlDbType.Varchar);
            await import.WriteAsync(entry.Seq!.Value, NpgsqlDbType.Bigint);
            await import.WriteAsync(entry.PreviousHash, NpgsqlDbType.Varchar);
            await import.WriteAsync(entry.Hash, NpgsqlDbType.Varchar);
        }

        await import.CompleteAsync();
        return rows;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
