using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>
/// A web app as a team migrating from Microsoft.FeatureManagement has it — <c>WithFeatureGate</c>, <c>[FeatureGate]</c>,
/// <c>UseForFeature</c>, the <c>&lt;feature&gt;</c> tag helper, <c>IsEnabledAsync</c> — with
/// <c>AddTypedFlags&lt;Flags&gt;()</c>, <c>AddTypedFlagsFeatureManagement()</c> and <c>AddHttpFlagContext()</c> in place of the feature
/// definitions, on the in-memory TestServer.
/// </summary>
internal sealed class MigratedApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MigratedApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration entries (overrides under <c>Flags:</c>).</param>
    /// <param name="targetingAccessor">Register a header-based <see cref="ITargetingContextAccessor"/>.</param>
    /// <param name="featureManagementFirst">Call Microsoft.FeatureManagement's <c>AddFeatureManagement()</c> first, as an app being migrated does.</param>
    /// <param name="beforeMigration">The app before the migration: Microsoft.FeatureManagement evaluates appsettings.mfm.json.</param>
    public static async Task<MigratedApp> StartAsync(IDictionary<string, string?>? settings = null, bool targetingAccessor = false, bool featureManagementFirst = true, bool beforeMigration = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(MigratedApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (beforeMigration)
        {
            builder.Configuration.AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "appsettings.mfm.json"));
        }

        if (beforeMigration && targetingAccessor)
        {
            // As the app had it: Microsoft.FeatureManagement's targeting filter reads the app's accessor.
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddFeatureManagement().WithTargeting<HeaderTargetingContextAccessor>();
        }
        else if (featureManagementFirst || beforeMigration)
        {
            builder.Services.AddFeatureManagement();
        }

        if (targetingAccessor && !beforeMigration)
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<ITargetingContextAccessor, HeaderTargetingContextAccessor>();
        }

        builder.Services.AddTypedFlags<Flags>();
        if (!beforeMigration)
        {
            builder.Services.AddTypedFlagsFeatureManagement();
            builder.Services.AddHttpFlagContext();
        }

        builder.Services.AddControllers().AddApplicationPart(typeof(MigratedApp).Assembly);
        builder.Services.AddRazorPages().AddApplicationPart(typeof(MigratedApp).Assembly);

        var app = builder.Build();
        app.UseForFeature("Home", branch => branch.Use(async (context, next) =>
        {
            context.Response.Headers["X-Home-Branch"] = "on";
            await next(context);
        }));
        app.MapGet("/minimal", () => "minimal").WithFeatureGate("Home");
        app.MapGet("/typed", (Flags flags) => flags.Home.IsEnabled ? "on" : "off");
        app.MapGet("/beta", async (IFeatureManager features) => await features.IsEnabledAsync("Beta") ? "on" : "off");
        app.MapGet("/beta-gate", () => "beta").WithFeatureGate("Beta");
        app.MapGet("/variant", async (IVariantFeatureManager variants) => (await variants.GetVariantAsync("CheckoutLayout"))?.Name ?? "-");
        app.MapControllers();
        app.MapRazorPages();
        await app.StartAsync();
        return new MigratedApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>The caller from the <c>X-User</c> and <c>X-Groups</c> headers, as an app's own accessor would read its user.</summary>
    private sealed class HeaderTargetingContextAccessor : ITargetingContextAccessor
    {
        private readonly IHttpContextAccessor _http;

        public HeaderTargetingContextAccessor(IHttpContextAccessor http) => _http = http;

        public ValueTask<TargetingContext> GetContextAsync()
        {
            var headers = _http.HttpContext!.Request.Headers;
            return new(new TargetingContext
            {
                UserId = headers["X-User"].ToString() is { Length: > 0 } user ? user : null,
                Groups = headers["X-Groups"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries),
            });
        }
    }
}
