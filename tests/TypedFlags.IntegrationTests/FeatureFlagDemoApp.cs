using System.Collections.Generic;
using System.IO;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// A web app shaped like Microsoft.FeatureManagement's own example (FeatureFlagDemo), before any migration: query-string
/// sign-in that names the user and their groups, an <c>ITargetingContextAccessor</c> over those claims, an MVC action
/// behind <c>[FeatureGate("Beta")]</c>, minimal API endpoints behind <c>WithFeatureGate</c>, a Razor view with
/// <c>&lt;feature&gt;</c> tags (one negated), and <c>IsEnabledAsync</c>; the features in appsettings.json: Beta targets
/// users, excludes a user and a group, rolls out to Ring0 at 80%, Ring1 at 50% and everyone else at 20%; a feature
/// whose name is not a valid flag key; a disabled feature; one that appsettings.Development.json turns on. It
/// references Microsoft.FeatureManagement.AspNetCore 4.7.0 only. Written for this test, not copied from the example.
/// </summary>
internal static class FeatureFlagDemoApp
{
    /// <summary>The endpoints every caller asks, before and after the migration.</summary>
    public static readonly string[] Endpoints = { "/", "/Beta", "/api/beta", "/api/space", "/api/retired", "/api/features" };

    /// <summary>Writes the app into <paramref name="directory"/>, restoring from <paramref name="feed"/> and nuget.org.</summary>
    public static void Write(string directory, string feed)
    {
        foreach (var (path, text) in Files(feed))
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static IEnumerable<(string Path, string Text)> Files(string feed)
    {
        yield return ("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        yield return ("FeatureFlagDemo.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />
              </ItemGroup>
            </Project>
            """);

        yield return ("Program.cs", """
            using FeatureFlagDemo;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication(QueryStringAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, QueryStringAuthenticationHandler>(QueryStringAuthenticationHandler.SchemeName, null);
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddFeatureManagement().WithTargeting<ClaimsTargetingContextAccessor>();
            builder.Services.AddControllersWithViews();

            var app = builder.Build();
            app.UseAuthentication();
            app.MapControllerRoute("default", "{controller=Home}/{action=Index}");
            app.MapGet("/api/beta", () => "beta api").WithFeatureGate("Beta");
            app.MapGet("/api/space", () => "space api").WithFeatureGate("Feature With Space");
            app.MapGet("/api/retired", () => "retired api").WithFeatureGate("Retired");
            app.MapGet("/api/features", async (IFeatureManagerSnapshot features) =>
                $"Home={await features.IsEnabledAsync("Home")} Beta={await features.IsEnabledAsync("Beta")} " +
                $"DarkMode={await features.IsEnabledAsync("DarkMode")} Space={await features.IsEnabledAsync("Feature With Space")} " +
                $"Retired={await features.IsEnabledAsync("Retired")}");
            app.Run();
            """);

        yield return ("QueryStringAuthenticationHandler.cs", """
            using System.Security.Claims;
            using System.Text.Encodings.Web;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.Extensions.Options;

            namespace FeatureFlagDemo;

            /// <summary>Demo sign-in without secrets: <c>?user=Jeff&amp;groups=Ring0,Ring1</c> names the caller and their groups.</summary>
            public sealed class QueryStringAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
                : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
            {
                public const string SchemeName = "QueryString";

                protected override Task<AuthenticateResult> HandleAuthenticateAsync()
                {
                    var user = Request.Query["user"].ToString();
                    var groups = Request.Query["groups"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (user.Length == 0 && groups.Length == 0)
                    {
                        return Task.FromResult(AuthenticateResult.NoResult());
                    }

                    var identity = new ClaimsIdentity(SchemeName);
                    if (user.Length > 0)
                    {
                        identity.AddClaim(new Claim(ClaimTypes.Name, user));
                    }

                    foreach (var group in groups)
                    {
                        identity.AddClaim(new Claim(ClaimTypes.Role, group));
                    }

                    return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
                }
            }
            """);

        yield return ("ClaimsTargetingContextAccessor.cs", """
            using System.Security.Claims;
            using Microsoft.FeatureManagement.FeatureFilters;

            namespace FeatureFlagDemo;

            /// <summary>The caller Microsoft.FeatureManagement targets: the signed-in name and the role claims as groups.</summary>
            public sealed class ClaimsTargetingContextAccessor(IHttpContextAccessor http) : ITargetingContextAccessor
            {
                public ValueTask<TargetingContext> GetContextAsync()
                {
                    var user = http.HttpContext?.User;
                    return new(new TargetingContext
                    {
                        UserId = user?.Identity?.Name,
                        Groups = user?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? new List<string>(),
                    });
                }
            }
            """);

        yield return (Path.Combine("Controllers", "HomeController.cs"), """
            using Microsoft.AspNetCore.Mvc;

            namespace FeatureFlagDemo.Controllers;

            public sealed class HomeController : Controller
            {
                public IActionResult Index() => View();
            }
            """);

        yield return (Path.Combine("Controllers", "BetaController.cs"), """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.FeatureManagement.Mvc;

            namespace FeatureFlagDemo.Controllers;

            public sealed class BetaController : Controller
            {
                [FeatureGate("Beta")]
                public IActionResult Index() => View();
            }
            """);

        yield return (Path.Combine("Views", "_ViewImports.cshtml"), """
            @addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers
            @addTagHelper *, Microsoft.FeatureManagement.AspNetCore
            """);

        yield return (Path.Combine("Views", "Home", "Index.cshtml"), """
            <h1>Home</h1>
            <feature name="Beta"><a href="/Beta">Try the beta</a></feature>
            <feature name="Beta" negate="true"><p>The beta is not open to you yet.</p></feature>
            <feature name="DarkMode"><p>dark mode</p></feature>
            <feature name="Feature With Space"><p>spaced out</p></feature>
            <feature name="Retired"><p>retired</p></feature>
            """);

        yield return (Path.Combine("Views", "Beta", "Index.cshtml"), """
            <h1>Beta for @User.Identity?.Name</h1>
            """);

        // Microsoft.FeatureManagement's schema; configuration merges feature_flags by index, so an environment file
        // switches a feature by repeating it at the same position (DarkMode is first in both).
        yield return ("appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Warning" } },
              "AllowedHosts": "*",
              "feature_management": {
                "feature_flags": [
                  { "id": "DarkMode", "enabled": false },
                  { "id": "Home", "enabled": true },
                  {
                    "id": "Beta",
                    "enabled": true,
                    "conditions": {
                      "client_filters": [
                        {
                          "name": "Microsoft.Targeting",
                          "parameters": {
                            "Audience": {
                              "Users": [ "Jeff", "Alicia" ],
                              "Groups": [
                                { "Name": "Ring0", "RolloutPercentage": 80 },
                                { "Name": "Ring1", "RolloutPercentage": 50 }
                              ],
                              "DefaultRolloutPercentage": 20,
                              "Exclusion": { "Users": [ "Mallory" ], "Groups": [ "Blocked" ] }
                            }
                          }
                        }
                      ]
                    }
                  },
                  {
                    "id": "Feature With Space",
                    "enabled": true,
                    "conditions": {
                      "client_filters": [
                        { "name": "Microsoft.Targeting", "parameters": { "Audience": { "Users": [ "Alicia" ], "DefaultRolloutPercentage": 50 } } }
                      ]
                    }
                  },
                  { "id": "Retired", "enabled": false }
                ]
              }
            }
            """);

        yield return ("appsettings.Development.json", """
            {
              "Logging": { "LogLevel": { "Default": "Warning" } },
              "feature_management": {
                "feature_flags": [
                  { "id": "DarkMode", "enabled": true }
                ]
              }
            }
            """);
    }
}
