using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Xunit;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>
/// Whom <c>IsEnabledAsync(feature)</c> evaluates for outside a web app (no ASP.NET Core, no HttpContext): Microsoft.FeatureManagement's
/// <see cref="ITargetingContextAccessor"/> first, then TypedFlags' <see cref="IFlagContextAccessor"/>, else an anonymous
/// caller with one warning.
/// </summary>
public sealed class CallerContextTests
{
    [Fact]
    public async Task Without_an_accessor_the_caller_is_anonymous_and_that_is_logged_once()
    {
        var logger = new ListLogger();
        await using var provider = Services(s => s.AddSingleton<ILogger<CallerContext>>(logger));
        var features = provider.GetRequiredService<IFeatureManager>();

        Assert.False(await features.IsEnabledAsync("Beta"));
        Assert.False(await features.IsEnabledAsync("Beta"));
        Assert.True(await features.IsEnabledAsync("Beta", new TargetingContext { UserId = "alice" }));

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(1801, warning.Id);
        Assert.Contains("AddHttpFlagContext()", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_flag_context_accessor_is_the_caller_and_a_targeting_accessor_wins_over_it()
    {
        await using (var flagsOnly = Services(s => s.AddSingleton<IFlagContextAccessor>(new FixedCaller("alice"))))
        {
            Assert.True(await flagsOnly.GetRequiredService<IFeatureManager>().IsEnabledAsync("Beta"));
        }

        await using var both = Services(s =>
        {
            s.AddSingleton<IFlagContextAccessor>(new FixedCaller("alice"));
            s.AddSingleton<ITargetingContextAccessor>(new FixedTargeting("mallory"));
        });
        Assert.False(await both.GetRequiredService<IFeatureManager>().IsEnabledAsync("Beta"));
    }

    private static ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        services.AddTypedFlags<Flags>(o => o.EnvironmentVariables = false);
        services.AddTypedFlagsFeatureManagement();
        return services.BuildServiceProvider();
    }

    private sealed class FixedCaller(string user) : IFlagContextAccessor
    {
        public FlagContext Current => new() { TargetingKey = user };
    }

    private sealed class FixedTargeting(string user) : ITargetingContextAccessor
    {
        public ValueTask<TargetingContext> GetContextAsync() => new(new TargetingContext { UserId = user });
    }

    private sealed class ListLogger : ILogger<CallerContext>
    {
        public List<(LogLevel Level, int Id, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
