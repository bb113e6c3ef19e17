using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>A <c>dotnet</c> child process that keeps running: its output, readiness and a clean stop.</summary>
internal sealed class WebServer : IDisposable
{
    /// <summary>A port free on 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebServer(Process process) => _process = process;

    public bool IsRunning => !_process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static WebServer Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = DotNetCli.StartInfo("dotnet", RepositoryRoot.Path, environment, arguments);

        var server = new WebServer(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for <c>GET /</c> to answer: the first run builds the sample, so this can take a while.</summary>
    public async Task WaitUntilServingAsync(HttpClient client, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            Assert.True(IsRunning, "dotnet run exited before serving:\n" + Output);
            try
            {
                if ((await client.GetAsync("/")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the web sample did not answer within {timeout}:\n{Output}");
    }

    public void Stop()
    {
        if (IsRunning)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
