using System.Diagnostics;
using System.Globalization;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// CPU seconds used by this process (app + clients: they share it) and by the throwaway PostgreSQL
/// cluster (its postmaster, its live backends and the backends that already ended), read from /proc.
/// On a shared machine, CPU per cast says more than wall-clock throughput.
/// </summary>
public sealed class CpuMeter
{
    // USER_HZ: the unit of /proc/<pid>/stat times; 100 on Linux builds.
    private const double TicksPerSecond = 100.0;
    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    public readonly record struct Sample(double Process, double Postgres, double[] LoadAverage);

    /// <summary>Finds the cluster this process started (TestDatabase puts it under the temp folder with this process id).</summary>
    public static CpuMeter ForThisProcessCluster()
    {
        int? postmaster = null;
        try
        {
            var pidFile = Directory.EnumerateDirectories(Path.GetTempPath(), $"intergov-tests-{Environment.ProcessId}-*")
                .Select(d => Path.Combine(d, "cluster", "postmaster.pid"))
                .FirstOrDefault(File.Exists);
            if (pidFile is not null && int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                postmaster = pid;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new CpuMeter(postmaster);
    }

    public bool SeesPostgres => _postmaster is not null;

    public Sample Read()
    {
        using var self = Process.GetCurrentProcess();
        var postgres = double.NaN;
        if (_postmaster is int pm)
        {
            postgres = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                var stat = ReadStat(pid);
                if (stat is null)
                {
                    continue;
                }

                var (ppid, own, children) = stat.Value;
                if (pid == pm)
                {
                    postgres += own + children;
                }
                else if (ppid == pm)
                {
                    postgres += own;
                }
            }
        }

        var load = File.Exists("/proc/loadavg")
            ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()
            : [];
        return new Sample(self.TotalProcessorTime.TotalSeconds, postgres, load);
    }

    private static (int Ppid, double Own, double Children)? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may contain spaces: fields start after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
            double F(int field) => double.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), F(14) + F(15), F(16) + F(17));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
