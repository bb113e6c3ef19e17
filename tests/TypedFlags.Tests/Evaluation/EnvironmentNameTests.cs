using System;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment variables";
}

/// <summary>The current environment: options, then DOTNET_ENVIRONMENT, then ASPNETCORE_ENVIRONMENT, then Production.</summary>
/// <remarks>Changes process-wide variables, so it runs alone; every other test names its environment explicitly.</remarks>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentNameTests
{
    private static string Resolve(string? dotnet, string? aspnetcore, string? option)
    {
        var savedDotnet = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        var savedAspNetCore = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        try
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", dotnet);
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", aspnetcore);
            var engine = new FlagEngine(Declare.Manifest(), options: option is null ? null : new FlagOptions { EnvironmentName = option });
            return engine.EnvironmentName;
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", savedDotnet);
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", savedAspNetCore);
        }
    }

    [Fact]
    public void The_option_wins()
    {
        Assert.Equal("Staging", Resolve("Development", "Test", "Staging"));
    }

    [Fact]
    public void DOTNET_ENVIRONMENT_comes_next()
    {
        Assert.Equal("Development", Resolve("Development", "Test", null));
        Assert.Equal("Development", Resolve("Development", "Test", ""));
    }

    [Fact]
    public void ASPNETCORE_ENVIRONMENT_comes_after_that()
    {
        Assert.Equal("Test", Resolve(null, "Test", null));
    }

    [Fact]
    public void Production_is_the_default()
    {
        Assert.Equal("Production", Resolve(null, null, null));
    }

    [Fact]
    public void The_environment_variable_selects_environment_values()
    {
        var savedDotnet = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        try
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "development");
            var manifest = Declare.Manifest(Declare.Bool("f", phase: "experimental"));
            Assert.True(new FlagEngine(manifest).BoolAccessor("f").IsEnabled);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", savedDotnet);
        }
    }
}
