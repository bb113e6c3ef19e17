using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.AspNetCore.Tests.Infrastructure;

/// <summary>A test app with a real SQLite flag store in a temporary folder and <c>MapFlagAdmin("/admin/flags", "Admins")</c>.</summary>
public sealed class AdminApp : IAsyncDisposable
{
    private readonly string _directory;

    private AdminApp(TestApp app, string directory)
    {
        App = app;
        _directory = directory;
    }

    public TestApp App { get; }

    public static async Task<AdminApp> StartAsync(Action<WebApplication>? map = null, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "typedflags-admin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var app = await TestApp.StartAsync(
            map ?? (a => a.MapFlagAdmin("/admin/flags", "Admins")),
            services =>
            {
                services.AddSqliteFlagStore(Path.Combine(directory, "flags.db"));
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            });
        return new AdminApp(app, directory);
    }

    /// <summary>A request as the caller the headers describe: <c>X-Name</c> is the actor, <c>X-Roles</c> the roles.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? name = "Ada", string? roles = "admin", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (name is not null)
        {
            request.Headers.Add("X-Name", name);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Roles", roles);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return App.Client.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var response = await SendAsync(method, path, body, ifMatch: ifMatch);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean when a connection outlives the test.
        }
    }
}
