using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>The verdict of flags.schema.json on one file, as ajv reports it.</summary>
internal sealed record SchemaResult(string File, bool Valid, IReadOnlyList<string> Errors)
{
    public override string ToString() => Valid ? "valid" : "invalid: " + string.Join("; ", Errors);
}

/// <summary>
/// Validates every fixture, every sample and the generated agreement corpus against flags.schema.json with
/// one run of <c>node tests/schema-validator/validate.js</c> (ajv + the yaml package, YAML 1.2 core schema).
/// Installs the validator's npm packages with <c>npm ci</c> when they are missing, as on a clean CI machine.
/// A missing node fails every schema test: the schema is part of the product.
/// </summary>
public sealed class SchemaValidation : IDisposable
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(3);

    private readonly Dictionary<string, SchemaResult> _results;

    public SchemaValidation()
    {
        EnsurePackages();
        CorpusDirectory = Path.Combine(Path.GetTempPath(), "typedflags-schema-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            Corpus = AgreementCorpus.Write(Path.Combine(CorpusDirectory, "agreement"), AgreementCorpus.Cases());
            KnownDifferences = AgreementCorpus.Write(Path.Combine(CorpusDirectory, "known"), AgreementCorpus.KnownDifferences.Select(k => k.Yaml));
            _results = Validate();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private Dictionary<string, SchemaResult> Validate()
    {
        var arguments = new List<string> { "validate.js", RepositoryPaths.Schema, RepositoryPaths.ValidFixtures, RepositoryPaths.InvalidFixtures };
        arguments.AddRange(RepositoryPaths.SampleManifests);
        arguments.Add(Path.Combine(CorpusDirectory, "agreement"));
        arguments.Add(Path.Combine(CorpusDirectory, "known"));

        var (exitCode, output, error) = ProcessRunner.Run(NodeCommand, arguments.ToArray(), RepositoryPaths.SchemaValidator, NodeTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"validate.js failed (exit code {exitCode}):\n{error}\n{output}");
        }

        return Parse(output);
    }

    /// <summary>The generated documents, in order.</summary>
    internal IReadOnlyList<string> Corpus { get; }

    /// <summary>The documents of <see cref="AgreementCorpus.KnownDifferences"/>, in order.</summary>
    internal IReadOnlyList<string> KnownDifferences { get; }

    private string CorpusDirectory { get; }

    private static string NodeCommand => OperatingSystem.IsWindows() ? "node.exe" : "node";

    internal SchemaResult For(string path) =>
        _results.TryGetValue(Path.GetFullPath(path), out var result)
            ? result
            : throw new InvalidOperationException($"validate.js reported nothing for {path}.");

    public void Dispose()
    {
        try
        {
            Directory.Delete(CorpusDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static void EnsurePackages()
    {
        var modules = Path.Combine(RepositoryPaths.SchemaValidator, "node_modules");
        if (File.Exists(Path.Combine(modules, "ajv", "package.json")) && File.Exists(Path.Combine(modules, "yaml", "package.json")))
        {
            return;
        }

        // npm is a script on Windows (npm.cmd), which Process cannot start directly.
        var (fileName, arguments) = OperatingSystem.IsWindows()
            ? ("cmd.exe", new[] { "/d", "/c", "npm", "ci", "--no-audit", "--no-fund" })
            : ("npm", new[] { "ci", "--no-audit", "--no-fund" });
        var (exitCode, output, error) = ProcessRunner.Run(fileName, arguments, RepositoryPaths.SchemaValidator, NpmTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {RepositoryPaths.SchemaValidator} failed (exit code {exitCode}):\n{error}\n{output}");
        }
    }

    private static Dictionary<string, SchemaResult> Parse(string json)
    {
        var results = new Dictionary<string, SchemaResult>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var file = Path.GetFullPath(item.GetProperty("file").GetString()!);
            var errors = item.GetProperty("errors").EnumerateArray()
                .Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("message").GetString()}".Trim())
                .ToArray();
            results[file] = new SchemaResult(file, item.GetProperty("valid").GetBoolean(), errors);
        }

        return results;
    }
}
