using System;
using System.Collections.Generic;
using Contoso.Billing;
using TypedFlags;

// Evaluates the rollout plan in flags.yaml for a few users, in two environments, and prints each flag's
// value and the reason for it. No configuration is passed, so every value comes from flags.yaml.
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
    var flags = AppFlags.Create(options: new FlagOptions { EnvironmentName = environment });
    Console.WriteLine($"== {environment} ==");
    foreach (var (name, context) in users)
    {
        Console.WriteLine($"-- {name}");
        foreach (var (key, shown) in Evaluate(flags, context))
        {
            Console.WriteLine($"   {key,-42} {shown}");
        }
    }

    Console.WriteLine();
}

static IEnumerable<(string Key, string Shown)> Evaluate(AppFlags flags, FlagContext context)
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

static (string, string) Show<T>(FlagEvaluation<T> evaluation) =>
    (evaluation.Key, $"{Format(evaluation)} ({evaluation.Reason})");

static string Format<T>(FlagEvaluation<T> evaluation) => evaluation.Value switch
{
    bool => evaluation.Mode.ToString(),
    double number => number.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
    string text => $"\"{text}\"",
    _ => evaluation.Value?.ToString() ?? "null",
};
