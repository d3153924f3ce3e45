using System.Diagnostics;
using System.Globalization;
using System.Text;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Search;
using Npgsql;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// Search benchmark (issue #14): ten years of a commission's records written straight by SQL into a
/// throwaway database (the search triggers index every row as it is inserted), then the search use
/// case timed through the mediator (actor, visibility and the query) for an administrator, a
/// secretary and a member: p50 / p95 / p99.
/// </summary>
public static class SearchBench
{
    private static readonly string[] Vocabulary =
    [
        "программа", "испытаний", "лётных", "комплекса", "стартового", "ракеты", "носителя", "Байконур", "телеметрии", "безопасности",
        "экологического", "мониторинга", "аренды", "финансирования", "графика", "поставки", "топлива", "утвердить", "поручить", "сторонам",
        "комиссии", "заседания", "решение", "протокол", "доклад", "отчёт", "мероприятий", "подготовки", "площадки", "эксплуатации",
        "бағдарламасы", "сынақтарының", "ұшу", "кешенінің", "зымыран", "тасығыш", "қауіпсіздігі", "экологиялық", "мониторинг", "жалдау",
        "қаржыландыру", "кестесі", "отын", "бекіту", "тапсыру", "тараптарға", "комиссияның", "отырысының", "шешімі", "хаттама",
        "Қазақстан", "Ресей", "тарапы", "әзірлікті", "қамтамасыз", "етеді", "жұмыс", "тобы", "сараптама", "өкілдері",
    ];

    private static readonly string[][] Queries =
    [
        ["испытаний"], ["Байконур"], ["телеметрии", "безопасности"], ["казакстан"], ["сынактарынын"], ["КЕШЕНИНИН"], ["утвердить", "программа"],
        ["қауіпсіздігі"], ["отын", "кестесі"], ["доклад"], ["хаттама"], ["мониторинг", "экологического"], ["зымыран"], ["аренды", "финансирования"],
        ["несуществующееслово"], ["ра"],
    ];

    public static async Task<int> RunAsync(int decisions, int materials, int words, int samples, string? output, Action<string> log)
    {
        var setup = Stopwatch.StartNew();
        await using var app = await TestApp.CreateAsync(seedDemo: true);
        // The app migrates and seeds the demo commission when it starts: start it before writing beside it.
        var commissions = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Commissions));
        log($"app on a throwaway PostgreSQL ({commissions} commission); generating the data by SQL …");
        var machine = await MachineInfo.DescribeAsync(app.ConnectionString);
        await GenerateAsync(app.ConnectionString, decisions, materials, words, log);
        log($"data ready in {setup.Elapsed.TotalSeconds:F0} s");
        if (Environment.GetEnvironmentVariable("INTERGOV_BENCH_HOLD") is { Length: > 0 } hold)
        {
            // For looking at the plans by hand: the database stays up this many seconds.
            log("holding the database: " + app.ConnectionString);
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold, CultureInfo.InvariantCulture)));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Search, {DateTime.UtcNow:yyyy-MM-dd}: {decisions:N0} decisions, {materials:N0} materials ({words} words of text each)");
        report.AppendLine();
        report.AppendLine("| machine | |");
        report.AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| load average (1 min) | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other work on the machine included) |");
        report.AppendLine();
        report.AppendLine(Stats.Header);
        var random = new Random(14);
        foreach (var user in new[] { "admin", "kz.secretary", "kz.member" })
        {
            // Warm-up: plans and caches, as in a running server.
            foreach (var q in Queries)
            {
                await app.SendAsAsync(user, new SearchRecords.Query { Text = string.Join(' ', q) });
            }

            var times = new List<double>();
            var hits = 0L;
            for (var i = 0; i < samples; i++)
            {
                var q = Queries[random.Next(Queries.Length)];
                var query = new SearchRecords.Query
                {
                    Text = string.Join(' ', q),
                    Year = i % 5 == 0 ? 2020 + random.Next(10) : null,
                    Kind = i % 7 == 0 ? SearchKind.Material : null,
                    Page = i % 11 == 0 ? 2 : 1,
                };
                var t0 = Stopwatch.GetTimestamp();
                var result = await app.SendAsAsync(user, query);
                times.Add(Stats.Ms(t0, Stopwatch.GetTimestamp()));
                hits += result.Hits.Count;
            }

            var stats = new Stats(times);
            report.AppendLine(stats.Row($"search as {user}"));
            log($"{user}: p50 {Stats.F(stats.Percentile(50))} ms, p95 {Stats.F(stats.Percentile(95))} ms, p99 {Stats.F(stats.Percentile(99))} ms ({hits} hits in {samples} searches)");
        }

        Console.WriteLine();
        Console.WriteLine(report.ToString());
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine);
        }

        return 0;
    }

    /// <summary>
    /// Ten years of meetings (10 a year) of the demo commission: an item, a ballot and an adopted decision for
    /// each decision asked, five materials per item with generated text (Russian and Kazakh words).
    /// </summary>
    private static async Task GenerateAsync(string connectionString, int decisions, int materials, int words, Action<string> log)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var vocabulary = string.Join(",", Vocabulary.Select(w => "'" + w + "'"));
        const int sessions = 100;
        var itemsPerSession = (decisions + sessions - 1) / sessions;
        var materialsPerItem = Math.Max(1, (materials + decisions - 1) / Math.Max(1, decisions));
        var sql = $$"""
            SET LOCAL synchronous_commit = off;
            CREATE TEMP TABLE bench_ctx AS
                SELECT c.id AS commission_id,
                       (SELECT id FROM sides WHERE commission_id = c.id ORDER BY code LIMIT 1) AS side_id,
                       (SELECT id FROM memberships WHERE commission_id = c.id ORDER BY id LIMIT 1) AS membership_id,
                       (SELECT person_id FROM memberships WHERE commission_id = c.id ORDER BY id LIMIT 1) AS person_id
                FROM commissions c ORDER BY c.code LIMIT 1;
            CREATE FUNCTION pg_temp.bench_text(k integer) RETURNS text LANGUAGE sql VOLATILE AS $f$
                SELECT string_agg((ARRAY[{{vocabulary}}])[1 + floor(random() * {{Vocabulary.Length}})::int], ' ') FROM generate_series(1, k);
            $f$;
            INSERT INTO stored_files (id, sha256, size, content_type, content, created_at)
                VALUES ('00000000-0000-0000-0000-0000000000b1', repeat('b', 64), 4, 'application/pdf', '\x25504446', now());
            INSERT INTO sessions (id, commission_id, number, kind, format, starts_at, time_zone_id, state, created_at, agenda_version, published_at)
                SELECT gen_random_uuid(), x.commission_id, 1000 + g, 'Regular', 'InPerson',
                       make_timestamptz(2016 + g / 10, 1 + (g % 10), 10, 10, 0, 0, 'Asia/Almaty'), 'Asia/Almaty', 'Closed', now(), 1, now()
                FROM bench_ctx x, generate_series(0, {{sessions - 1}}) g;
            CREATE TEMP TABLE bench_sessions AS SELECT id, row_number() OVER (ORDER BY number) AS n FROM sessions WHERE number >= 1000;
            INSERT INTO agenda_items (id, session_id, position, decision_kind, is_unscheduled, title_ru, title_kk, draft_decision_ru)
                SELECT gen_random_uuid(), s.id, p, 'ProgrammeApprovalOrChange', false,
                       'О ' || pg_temp.bench_text(6), pg_temp.bench_text(6) || ' туралы', pg_temp.bench_text(40)
                FROM bench_sessions s, generate_series(1, {{itemsPerSession}}) p;
            CREATE TEMP TABLE bench_items AS
                SELECT i.id, i.session_id, row_number() OVER (ORDER BY s.n, i.position) AS n FROM agenda_items i JOIN bench_sessions s ON s.id = i.session_id;
            INSERT INTO ballots (id, session_id, agenda_item_id, round, text_version, text_kk, text_ru, text_hash, state, opened_by_membership_id, opened_at)
                SELECT gen_random_uuid(), i.session_id, i.id, 1, 1, '', '', repeat('0', 64), 'Closed', x.membership_id, now()
                FROM bench_items i, bench_ctx x WHERE i.n <= {{decisions}};
            INSERT INTO decisions (id, commission_id, session_id, agenda_item_id, ballot_id, number, kind, version_number, title_kk, title_ru, text_kk, text_ru,
                                   present_at_vote, state, copies)
                SELECT gen_random_uuid(), x.commission_id, b.session_id, b.agenda_item_id, b.id, 'B-' || i.n, 'ProgrammeApprovalOrChange', 1,
                       pg_temp.bench_text(8), pg_temp.bench_text(8), pg_temp.bench_text(120), pg_temp.bench_text(120), '{}', 'Issued', 2
                FROM ballots b JOIN bench_items i ON i.id = b.agenda_item_id, bench_ctx x;
            INSERT INTO materials (id, session_id, agenda_item_id, file_id, title, file_name, file_type, size, sha256, submitted_by_person_id, through_side_id,
                                   uploaded_by_person_id, uploaded_at, version_number)
                SELECT gen_random_uuid(), i.session_id, i.id, '00000000-0000-0000-0000-0000000000b1', 'Справка ' || m || ': ' || pg_temp.bench_text(5),
                       'doc' || m || '.pdf', 'Pdf', 4, md5(i.id::text || m) || md5(m::text || i.id::text), x.person_id, x.side_id, x.person_id, now(), 1
                FROM bench_items i, bench_ctx x, generate_series(1, {{materialsPerItem}}) m
                WHERE (i.n - 1) * {{materialsPerItem}} + m <= {{materials}};
            INSERT INTO material_texts (material_id, text, outcome, extracted_at)
                SELECT m.id, pg_temp.bench_text({{words}}), 'extracted', now() FROM materials m WHERE m.session_id IN (SELECT id FROM bench_sessions);
            """;
        var clock = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        log($"generated in {clock.Elapsed.TotalSeconds:F0} s; ANALYZE …");
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT kind || ' ' || count(*) FROM search_entries GROUP BY kind ORDER BY kind", connection);
        await using var reader = await count.ExecuteReaderAsync();
        var counts = new List<string>();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetString(0));
        }

        log("search entries: " + string.Join(", ", counts));
    }
}
