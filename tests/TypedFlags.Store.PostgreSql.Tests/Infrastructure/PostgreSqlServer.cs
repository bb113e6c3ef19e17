using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedFlags.Store.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on 127.0.0.1
/// at a free port with trust authentication for local TCP, removed again on dispose. The binaries come from the
/// `postgresql` package (/usr/lib/postgresql/&lt;version&gt;/bin, newest version; else initdb on PATH), which
/// `./build.sh test` installs. initdb and postgres refuse to run as root, so as root (CI, this machine) the server runs as
/// the package's `postgres` user (runuser) in a directory that user owns. <see cref="Stop"/> and <see cref="Start"/>
/// let fault tests take the server away and bring it back on the same port and data.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private static int s_databaseCounter;
    private readonly string _root;
    private readonly string _data;
    private readonly string _binaries;
    private readonly bool _asPostgresUser;

    public PostgreSqlServer()
    {
        _binaries = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        _root = Directory.CreateTempSubdirectory("typedflags-pg-").FullName;
        _data = Path.Combine(_root, "data");
        if (_asPostgresUser)
        {
            Run("chown", "postgres:postgres", _root);
        }

        Port = FreePort();

        // A test run that ends without disposing (killed, crashed) must not leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopQuietly();
        PgTool("initdb", "-D", _data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");

        // Local TCP only; fsync off because the data is thrown away (and 2 shared cores are slow enough).
        File.AppendAllText(Path.Combine(_data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {Port}\nunix_socket_directories = '{_root}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 200\n");
        Start();
    }

    /// <summary>The TCP port the server listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>A connection string to the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>
    /// A connection string for <paramref name="database"/>. A stopped server refuses connections at once, so fault tests
    /// do not wait on the connect timeout; it is generous because a new database's first backend can take seconds to
    /// start and authenticate on a loaded 2-core CI machine (3 s once failed a clean-clone run).
    /// </summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=30;Command Timeout=30;Pooling=true";

    /// <summary>Creates a database with a unique name and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"tf_{Environment.ProcessId}_{Interlocked.Increment(ref s_databaseCounter)}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public void Start() => PgTool("pg_ctl", "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start");

    /// <summary>Stops the server (fast shutdown: open connections are dropped, as when a database goes away).</summary>
    public void Stop()
    {
        PgTool("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "60", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                PgTool("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }

    private void StopQuietly()
    {
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                PgTool("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
            }

            Directory.Delete(_root, recursive: true);
        }
        catch (Exception)
        {
            // Best effort at process exit: nothing is left to report to.
        }
    }

    private void PgTool(string tool, params string[] arguments)
    {
        var path = Path.Combine(_binaries, tool);
        if (_asPostgresUser)
        {
            Run("runuser", new[] { "-u", "postgres", "--", path }.Concat(arguments).ToArray());
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The server outlives pg_ctl and inherits its pipes: read to end would wait for the server. pg_ctl -l sends the
        // server's output to the log file, so only pg_ctl's own lines reach the pipes; read them asynchronously.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{error.Result}\n{output.Result}");
        }
    }

    /// <summary>The server binaries: TYPEDFLAGS_PG_BIN if set, else the newest /usr/lib/postgresql/N/bin, else initdb on PATH.</summary>
    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("TYPEDFLAGS_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), out var version) ? version : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Directory, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (newest.Directory is not null)
            {
                return Path.Combine(newest.Directory, "bin");
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or on PATH. "
            + "Run ./build.sh prerequisites (installs Debian's postgresql package) or set TYPEDFLAGS_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
