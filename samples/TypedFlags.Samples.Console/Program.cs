using System;
using System.Collections.Generic;
using Contoso.Billing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags;

// Evaluates the rollout plan in flags.yaml for a few users and prints each flag's value and the reason for it:
// first from flags.yaml alone in two environments, then in production with the deploy-time overrides of
// appsettings.json and the flags' environment variables (try VITE_PERSONAS_V2=on), wired up through dependency
// injection as an application would.
var users = new (string Name, FlagContext Context)[]
{
    ("alice", new FlagContext { TargetingKey = "alice" }),
    ("bob@bigcorp", new FlagContext { TargetingKey = "bob", Tenant = "bigcorp" }),
    ("carol@acme", new FlagContext { TargetingKey = "carol", Tenant = "acme", Groups = new[] { "beta-testers" } }),
    ("user-4711", new FlagContext { TargetingKey = "user-4711", Tenant = "globex" }),
    ("anonymous", default),
};

foreach (var environment in new[] { "Production", "Development" })
{
    var flags = AppFlags.Create(options: new FlagOptions { EnvironmentName = environment, EnvironmentVariables = false });
    Print($"{environment} (flags.yaml only)", flags);
}

// An application's composition root: configuration from appsettings.json (reloaded when it changes), the flags
// class registered once, the environment variables of flags.yaml layered on top by AddTypedFlags.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true, reloadOnChange: true)
    .Build();
using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddTypedFlags<AppFlags>(options => options.EnvironmentName = "Production")
    .BuildServiceProvider();
Print("Production with appsettings.json and environment variables", services.GetRequiredService<AppFlags>(), withSource: true);

void Print(string title, AppFlags flags, bool withSource = false)
{
    Console.WriteLine($"== {title} ==");
    foreach (var (name, context) in users)
    {
        Console.WriteLine($"-- {name}");
        foreach (var (key, shown, source) in Evaluate(flags, context))
        {
            Console.WriteLine(withSource && source != "flags.yaml" ? $"   {key,-42} {shown} from {source}" : $"   {key,-42} {shown}");
        }
    }

    Console.WriteLine();
}

static IEnumerable<(string Key, string Shown, string Source)> Evaluate(AppFlags flags, FlagContext context)
{
    yield return Show(flags.InvoicesRead.Evaluate(context));
    yield return Show(flags.InvoicesWrite.Evaluate(context));
    yield return Show(flags.PaymentsSepaDirectDebit.Evaluate(context));
    yield return Show(flags.CheckoutLayout.Evaluate(context));
    yield return Show(flags.UnifiedWorkflowRead.Evaluate(context));
    yield return Show(flags.PersonasV2.Evaluate(context));
    yield return Show(flags.SessionPersistencePhase2EnhancedStorage.Evaluate(context));
    yield return Show(flags.ExportsPdfV3.Evaluate(context));
    yield return Show(flags.OpsReadOnlyMode.Evaluate(context));
    yield return Show(flags.SearchMaxResults.Evaluate(context));
    yield return Show(flags.PricingDiscountRate.Evaluate(context));
    yield return Show(flags.SupportBannerText.Evaluate(context));
    yield return Show(flags.V0Templates.Evaluate(context));
}

static (string, string, string) Show<T>(FlagEvaluation<T> evaluation) =>
    (evaluation.Key, $"{Format(evaluation)} ({evaluation.Reason})", evaluation.Source);

static string Format<T>(FlagEvaluation<T> evaluation) => evaluation.Value switch
{
    bool => evaluation.Mode.ToString(),
    double number => number.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
    string text => $"\"{text}\"",
    _ => evaluation.Value?.ToString() ?? "null",
};
