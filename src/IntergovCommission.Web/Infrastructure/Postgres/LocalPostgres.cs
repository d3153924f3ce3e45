using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace IntergovCommission.Web.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries, for development,
/// demos and tests when no connection string is configured. It initialises a data folder on
/// first use, starts the server on a free loopback port (reusing one an earlier run left
/// running), and stops it on <see cref="DisposeAsync"/>. As root it runs the server as the
/// unprivileged <c>postgres</c> OS user, because initdb and postgres refuse root.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string SuperUser = "intergov";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly string? _runAsUser;
    private readonly Action<string> _log;
    private bool _stopped;

    private LocalPostgres(string dataDirectory, string binDirectory, string? runAsUser, Action<string> log)
    {
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
        _log = log;
    }

    public int Port { get; private set; }
    public string Password { get; private set; } = string.Empty;
    public string DataDirectory => _dataDirectory;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
        Pooling = true,
        MaxPoolSize = 100,
        // Tells this process's sessions from another run's (StopUnlessInUseAsync).
        ApplicationName = OwnApplicationName,
    }.ConnectionString;

    private static readonly string OwnApplicationName = "intergov-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Finds the server binaries or explains, in one line, what to install.</summary>
    public static string FindBinaries()
    {
        var candidates = new List<string>();
        var configured = Environment.GetEnvironmentVariable("INTERGOV_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found: install them (Debian: apt-get install postgresql-15) " +
            "or set ConnectionStrings__Commission to an existing PostgreSQL server.");
    }

    public static async Task<LocalPostgres> StartAsync(string dataDirectory, Action<string> log, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" || IsRoot() ? "postgres" : null;
        var full = Path.GetFullPath(dataDirectory);
        if (runAs is not null && !await CanUserReachAsync(runAs, Path.GetDirectoryName(full)!, cancellationToken))
        {
            // The postgres user cannot traverse this path (e.g. under /root): keep the data in a
            // stable folder it can reach, named after the requested one.
            var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12].ToLowerInvariant();
            full = Path.Combine("/var/tmp/intergov-commission", hash, Path.GetFileName(full));
            log($"The postgres user cannot reach {dataDirectory}; using {full} instead.");
        }

        var cluster = new LocalPostgres(full, bin, runAs, log);
        await cluster.EnsureStartedAsync(cancellationToken);
        return cluster;
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> CanUserReachAsync(string user, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var (code, _) = await RunAsync("runuser", ["-u", user, "--", "test", "-x", directory], ct);
        return code == 0;
    }

    /// <summary>Libraries the private cluster preloads (e.g. "pg_stat_statements"), from this environment variable.</summary>
    public const string PreloadVariable = "INTERGOV_PG_PRELOAD";

    private string PasswordFile => Path.Combine(Path.GetDirectoryName(_dataDirectory)!, Path.GetFileName(_dataDirectory) + ".password");

    private async Task EnsureStartedAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(ct);
        }

        Password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();

        var running = await TryReadRunningPortAsync(ct);
        if (running is int port)
        {
            Port = port;
            _log($"Reusing the PostgreSQL server an earlier run left running on 127.0.0.1:{port} ({_dataDirectory}).");
            return;
        }

        Port = FreePort();
        var logFile = Path.Combine(_dataDirectory, "server.log");
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=on");
        if (Environment.GetEnvironmentVariable(PreloadVariable) is { Length: > 0 } preload && preload.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ','))
        {
            // The benchmarks count statements per request with pg_stat_statements (docs/benchmarks.md).
            options += " -c shared_preload_libraries=" + preload;
        }
        var (code, output) = await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options, "start"], ct);
        if (code != 0)
        {
            var tail = File.Exists(logFile) ? string.Join('\n', (await File.ReadAllLinesAsync(logFile, ct)).TakeLast(10)) : string.Empty;
            throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit {code}): {output}\n{tail}");
        }

        _log($"Started PostgreSQL on 127.0.0.1:{Port} (data in {_dataDirectory}).");
    }

    private async Task InitialiseAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_dataDirectory);
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(PasswordFile, Password, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var pwFile = Path.Combine(Path.GetTempPath(), "intergov-pw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(pwFile, Password, ct);
        try
        {
            if (_runAsUser is not null)
            {
                await RunAsync("chown", ["-R", _runAsUser, _dataDirectory], ct);
                await RunAsync("chown", [_runAsUser, pwFile], ct);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var (code, output) = await RunPgAsync("initdb", ["-D", _dataDirectory, "-U", SuperUser, "--pwfile", pwFile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], ct);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed (exit {code}): {output}");
            }
        }
        finally
        {
            File.Delete(pwFile);
        }

        _log($"Initialised a PostgreSQL cluster in {_dataDirectory}.");
    }

    /// <summary>A server left running by a crashed run: its postmaster.pid names a live process and a port.</summary>
    private async Task<int?> TryReadRunningPortAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(pidFile, ct);
        }
        catch (IOException)
        {
            return null;
        }

        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
            return null; // stale pid file: postgres removes it on start
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = SuperUser, Password = Password, Database = "postgres", Timeout = 5, Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            return port;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException)
        {
            _log($"A PostgreSQL process ({pid}) holds {_dataDirectory} but does not answer; restarting it.");
            await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], ct);
            return null;
        }
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", string.Empty, StringComparison.Ordinal)}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // created meanwhile by a concurrent start
            }
        }
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        var (code, output) = await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None);
        _log(code == 0 ? "Stopped PostgreSQL." : $"pg_ctl stop exit {code}: {output}");
    }

    /// <summary>
    /// The app's own shutdown: stops the server unless another process still has a session on it
    /// (a second <c>dotnet run</c> over the same data folder reused it): that one stops it when it
    /// ends. Its own pooled connections are closed first, so they do not count.
    /// </summary>
    public async Task StopUnlessInUseAsync()
    {
        if (_stopped)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            await connection.OpenAsync();
            await using var others = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM @own", connection);
            others.Parameters.AddWithValue("own", OwnApplicationName);
            // A session that has just closed stays in pg_stat_activity for a moment: look a few times.
            long count = 0;
            for (var look = 0; look < 5; look++)
            {
                count = Convert.ToInt64(await others.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                if (count == 0)
                {
                    break;
                }

                await Task.Delay(200);
            }

            if (count > 0)
            {
                _stopped = true;
                _log($"PostgreSQL left running: {count} other connection(s) still use it (another run over {_dataDirectory}); the last one to end stops it.");
                return;
            }
        }
        catch (NpgsqlException)
        {
            // Not reachable: nothing to ask; stop as usual.
        }

        NpgsqlConnection.ClearAllPools();
        await StopAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int Code, string Output)> RunPgAsync(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var exe = Path.Combine(_binDirectory, tool);
        return _runAsUser is null
            ? RunAsync(exe, args, ct)
            : RunAsync("runuser", ["-u", _runAsUser, "--", exe, .. args], ct);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl start leaves the server holding inherited pipes; read with a bounded wait.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, ct)) is Task<string[]> done
            ? string.Concat(done.Result)
            : string.Empty;
        return (process.ExitCode, output.Trim());
    }
}
