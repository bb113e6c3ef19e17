using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The web sample as the README runs it: <c>dotnet run</c> on 127.0.0.1, an environment variable override, a gated
/// endpoint and the status endpoint over real HTTP, then an edit of appsettings.json that the running server picks up.
/// </summary>
public sealed class WebSampleTests
{
    private static string SampleProject => Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.WebApi");

    [Fact]
    public async Task The_web_sample_gates_routes_over_HTTP_and_takes_an_appsettings_edit_without_a_restart()
    {
        // The server reads its appsettings from a copy (--contentRoot), so the test edits the copy, never the repository.
        var contentRoot = Directory.CreateTempSubdirectory("typedflags-web-");
        foreach (var name in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            File.Copy(Path.Combine(SampleProject, name), Path.Combine(contentRoot.FullName, name));
        }

        var port = FreePort();
        var variables = new Dictionary<string, string?>
        {
            ["FIELDOPS_INVOICES_WRITE"] = "on",
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        using var server = WebServer.Start(
            variables,
            "run", "--project", SampleProject, "--no-launch-profile", "--",
            "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot.FullName, "--environment", "Production");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await server.WaitUntilServingAsync(client, TimeSpan.FromMinutes(4));

            // flags.yaml allows only tenant:acme in production and appsettings.json adds globex; the variable opens it for everyone.
            var created = await client.SendAsync(Caller(HttpMethod.Post, "/invoices", "bob", "initech", JsonContent.Create(new { customer = "Initech", amount = 120 })));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created, server));

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/flags")).StatusCode);
            var status = await client.SendAsync(Caller(HttpMethod.Get, "/flags", "bob", "initech"));
            Assert.True(status.StatusCode == HttpStatusCode.OK, await Describe(status, server));
            var write = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("flags").GetProperty("invoices.write");
            Assert.Equal("""{"type":"bool","value":true,"mode":"on","reason":"Override","source":"env:FIELDOPS_INVOICES_WRITE"}""", JsonSerializer.Serialize(write));

            // An operator flips the kill switch in appsettings.json while the server runs.
            var settingsPath = Path.Combine(contentRoot.FullName, "appsettings.json");
            var settings = JsonNode.Parse(File.ReadAllText(settingsPath))!;
            settings["Flags"]!["ops.read_only_mode"] = "on";
            File.WriteAllText(settingsPath, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

            var closed = await PollAsync(
                () => client.SendAsync(Caller(HttpMethod.Post, "/invoices", "bob", "initech", JsonContent.Create(new { customer = "Initech", amount = 120 }))),
                response => response.StatusCode == HttpStatusCode.Forbidden,
                TimeSpan.FromSeconds(30));
            Assert.True(closed.StatusCode == HttpStatusCode.Forbidden, await Describe(closed, server));
            var problem = await closed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("FEATURE_DISABLED", problem.GetProperty("code").GetString());
            Assert.Equal("ops.read_only_mode", problem.GetProperty("flag").GetString());

            var after = await (await client.SendAsync(Caller(HttpMethod.Get, "/flags", "bob", "initech"))).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(
                """{"type":"bool","value":true,"mode":"on","reason":"Override","source":"config:Flags:ops.read_only_mode"}""",
                JsonSerializer.Serialize(after.GetProperty("flags").GetProperty("ops.read_only_mode")));
            Assert.True(server.IsRunning, "the server restarted or stopped:\n" + server.Output);
        }
        finally
        {
            server.Stop();
            contentRoot.Delete(recursive: true);
        }

        Assert.False(server.IsRunning);
    }

    private static HttpRequestMessage Caller(HttpMethod method, string path, string user, string tenant, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Demo-User", user);
        request.Headers.Add("X-Demo-Tenant", tenant);
        return request;
    }

    private static async Task<HttpResponseMessage> PollAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            if (done(response) || watch.Elapsed > timeout)
            {
                return response;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<string> Describe(HttpResponseMessage response, WebServer server) =>
        $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\nserver output:\n{server.Output}";

    private static int FreePort() => WebServer.FreePort();
}
