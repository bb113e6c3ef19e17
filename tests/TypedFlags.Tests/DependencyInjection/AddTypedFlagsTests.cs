using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.DependencyInjection;

/// <summary><c>services.AddTypedFlags&lt;TFlags&gt;()</c> (SPEC §3): what it binds to, and its fallbacks.</summary>
public sealed class AddTypedFlagsTests
{
    [Fact]
    public void A_host_binds_configuration_environment_logger_and_clock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var logs = new ListLogger();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Staging", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Flags:search.max_results"] = "75",
            ["Flags:pricing.banner"] = "sometimes",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Logging.AddProvider(new ListLoggerProvider(logs));
        builder.Services.AddTypedFlags<DemoFlags>();
        using var host = builder.Build();

        var flags = host.Services.GetRequiredService<DemoFlags>();

        Assert.Same(flags, host.Services.GetRequiredService<DemoFlags>());
        Assert.Equal("Staging", flags.Engine.EnvironmentName);
        Assert.Equal(FlagReason.Phase, flags.NewCheckout.Evaluate(default).Reason);
        Assert.True(flags.NewCheckout.IsEnabled);
        Assert.Equal(75, flags.SearchMaxResults.Value);

        // The logger factory's TypedFlags category gets the warning; the flag keeps its declared value.
        Assert.False(flags.PricingBanner.IsEnabled);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'config:Flags:pricing.banner' has value 'sometimes'", StringComparison.Ordinal));

        // The registered clock drives the schedule: 50% from 2026-12-01.
        Assert.Equal(0, Share(flags.PricingBanner));
        clock.AdvanceTo(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.InRange(Share(flags.PricingBanner), 400, 600);
    }

    [Fact]
    public void Configuration_reloads_reach_the_registered_flags()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:search.max_results"] = "10" });
        builder.Services.AddTypedFlags<DemoFlags>();
        using var host = builder.Build();
        var flags = host.Services.GetRequiredService<DemoFlags>();
        Assert.Equal(10, flags.SearchMaxResults.Value);

        // Setting a key does not signal a change; a reload does, as a changed appsettings.json would.
        builder.Configuration["Flags:search.max_results"] = "20";
        ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Reload();

        Assert.Equal(20, flags.SearchMaxResults.Value);
    }

    [Fact]
    public void Without_any_services_the_fallbacks_apply()
    {
        using var provider = new ServiceCollection().AddTypedFlags<DemoFlags>().BuildServiceProvider();

        var flags = provider.GetRequiredService<DemoFlags>();

        Assert.Equal(EnvironmentNames.Resolve(null), flags.Engine.EnvironmentName);
        Assert.Equal(50, flags.SearchMaxResults.Value);
    }

    [Fact]
    public void The_flags_environment_variables_apply_by_default_and_can_be_turned_off()
    {
        Environment.SetEnvironmentVariable("TFTEST_DI_SEARCH_MAX_RESULTS", "33");
        try
        {
            using var withVariables = new ServiceCollection().AddTypedFlags<DemoFlags>().BuildServiceProvider();
            var evaluation = withVariables.GetRequiredService<DemoFlags>().SearchMaxResults.Evaluate(default);
            Assert.Equal((33, FlagReason.Override, "env:TFTEST_DI_SEARCH_MAX_RESULTS"), (evaluation.Value, evaluation.Reason, evaluation.Source));

            using var without = new ServiceCollection().AddTypedFlags<DemoFlags>(o => o.EnvironmentVariables = false).BuildServiceProvider();
            Assert.Equal(50, without.GetRequiredService<DemoFlags>().SearchMaxResults.Value);

            // An explicit place in the provider order is respected: here a later file wins over the variable.
            var configuration = new ConfigurationBuilder()
                .AddFlagEnvironmentVariables(DemoFlags.Manifest)
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:search.max_results"] = "44" })
                .Build();
            Assert.Equal(44, DemoFlags.Create(configuration).SearchMaxResults.Value);
            Assert.Equal(33, DemoFlags.Create().SearchMaxResults.Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFTEST_DI_SEARCH_MAX_RESULTS", null);
        }
    }

    [Fact]
    public void Configure_runs_after_the_services_fill_the_options_and_a_second_registration_is_ignored()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new FakeEnvironment("Staging"));
        services.AddTypedFlags<DemoFlags>(o => o.EnvironmentName = "Development");
        services.AddTypedFlags<DemoFlags>(o => o.EnvironmentName = "Production");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Development", provider.GetRequiredService<DemoFlags>().Engine.EnvironmentName);
    }

    [Fact]
    public void Each_registered_class_is_also_an_IFlagSet_once()
    {
        var services = new ServiceCollection();
        services.AddTypedFlags<DemoFlags>();
        services.AddTypedFlags<DemoFlags>();
        using var provider = services.BuildServiceProvider();

        var set = Assert.Single(provider.GetServices<IFlagSet>());
        Assert.Same(provider.GetRequiredService<DemoFlags>(), set);
    }

    [Fact]
    public void A_test_can_replace_the_registration_with_forced_values()
    {
        var services = new ServiceCollection();
        services.AddSingleton(DemoFlags.ForTesting(o => o.NewCheckout = false));
        services.AddTypedFlags<DemoFlags>();
        using var provider = services.BuildServiceProvider();

        var evaluation = provider.GetRequiredService<DemoFlags>().NewCheckout.Evaluate("anyone");

        Assert.Equal((FlagMode.Off, FlagReason.Override, "test"), (evaluation.Mode, evaluation.Reason, evaluation.Source));
    }

    private static int Share(BoolFlag flag)
    {
        var on = 0;
        for (var i = 0; i < 1000; i++)
        {
            on += flag.IsEnabledFor("user-" + i) ? 1 : 0;
        }

        return on;
    }

    private sealed class FakeEnvironment : IHostEnvironment
    {
        public FakeEnvironment(string name) => EnvironmentName = name;

        public string EnvironmentName { get; set; }

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly ListLogger _logger;

        public ListLoggerProvider(ListLogger logger) => _logger = logger;

        public ILogger CreateLogger(string categoryName) => categoryName == FlagServiceCollectionExtensions.LoggerCategory ? _logger : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }
    }
}

/// <summary>A flags class in the shape the generator emits (see the generator baselines), for tests without the generator.</summary>
public sealed class DemoFlags : IFlagSet
{
    public DemoFlags(FlagEngine engine)
    {
        Engine = engine;
        NewCheckout = new BoolFlag(engine, 0);
        SearchMaxResults = new Flag<int>(engine, 1);
        PricingBanner = new BoolFlag(engine, 2);
    }

    public DemoFlags(FlagEngineFactory factory)
        : this((factory ?? throw new ArgumentNullException(nameof(factory))).Create(Manifest))
    {
    }

    public static FlagManifest Manifest { get; } = new(
        new[]
        {
            new FlagDefinition("new-checkout", FlagValueKind.Bool, "New checkout", FlagValue.FromBool(false), "TFTEST_DI_NEW_CHECKOUT", phase: "beta"),
            new FlagDefinition("search.max_results", FlagValueKind.Int, "Results per page", FlagValue.FromInt(50), "TFTEST_DI_SEARCH_MAX_RESULTS"),
            new FlagDefinition("pricing.banner", FlagValueKind.Bool, "Banner", FlagValue.FromBool(false), "TFTEST_DI_PRICING_BANNER",
                schedule: new[] { new FlagScheduleStep(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), 50) }),
        },
        Declare.Phases());

    public FlagEngine Engine { get; }

    public BoolFlag NewCheckout { get; }

    public Flag<int> SearchMaxResults { get; }

    public BoolFlag PricingBanner { get; }

    public static DemoFlags Create(IConfiguration? configuration = null, FlagOptions? options = null) => new(new FlagEngine(Manifest, configuration, options));

    public static DemoFlags ForTesting(Action<DemoOverrides> configure)
    {
        var overrides = new DemoOverrides();
        configure(overrides);
        return new DemoFlags(FlagEngine.ForTesting(Manifest, overrides));
    }

    public sealed class DemoOverrides : FlagTestOverrides
    {
        public DemoOverrides()
            : base(DemoFlags.Manifest)
        {
        }

        public bool? NewCheckout
        {
            get => Get("new-checkout")?.Mode == FlagMode.On;
            set => SetOrClear("new-checkout", value is { } on ? FlagValue.FromBool(on) : null);
        }
    }
}
