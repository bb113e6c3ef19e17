using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore.Tests.Infrastructure;

/// <summary>A web application on the in-memory TestServer, with header authentication and <c>AddTypedFlags&lt;WebFlags&gt;()</c>.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts an app: <paramref name="configure"/> adds services, <paramref name="map"/> endpoints.</summary>
    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",

            // The test assembly is the application: its controllers and compiled Razor Pages are the app's parts.
            ApplicationName = typeof(TestApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("Admins", p => p.RequireRole("admin")));

        // The whole TypedFlags setup of an app: no targeting code. Tests do not read the machine's variables.
        builder.Services.AddTypedFlags<WebFlags>(o => o.EnvironmentVariables = false);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        map(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    /// <summary>A GET as the caller the headers describe (see <see cref="HeaderAuthenticationHandler"/>).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? user = null, string? tenant = null, string? roles = null, string? name = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        AddHeader(request, "X-User", user);
        AddHeader(request, "X-Tenant", tenant);
        AddHeader(request, "X-Roles", roles);
        AddHeader(request, "X-Name", name);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.Add(name, value);
        }
    }
}
