using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Generators.Emit;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Every flag the compilation's flags.yaml files declare, keyed the ways C# reaches a flag: by key (case-insensitive,
/// like the runtime), by generated accessor and by generated <c>Keys</c> constant. Built once per compilation and
/// shared by the analyzers (<see cref="For"/>); the YAML parse itself is shared across compilations by
/// <see cref="ManifestCache"/>.
/// </summary>
internal sealed class FlagCatalog
{
    /// <summary>Build property (yyyy-MM-dd) that fixes "today" for TF1101–TF1103.</summary>
    public const string TodayProperty = "build_property.TypedFlagsToday";

    private static readonly ConditionalWeakTable<Compilation, List<Shared>> ByCompilation = new();

    private readonly Dictionary<string, CatalogFlag> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CatalogFlag> _byHashName = new(StringComparer.OrdinalIgnoreCase);

    // Every property and field reference of the project passes through FindAccessor/FindKeysConstant. The generated
    // classes are looked up by simple name first; a type's full name is formatted once, then the member is a
    // dictionary lookup by its own name: no string is built per reference.
    private readonly Dictionary<string, List<GeneratedClass>> _classesBySimpleName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, GeneratedClass?> _classOfType = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _emittedByGenerator = new(SymbolEqualityComparer.Default);

    private FlagCatalog(DateTime today) => Today = today;

    /// <summary>The day staleness is judged on.</summary>
    public DateTime Today { get; }

    /// <summary>Every declared flag, in file order.</summary>
    public List<CatalogFlag> Flags { get; } = new();

    /// <summary>The declared keys, for "did you mean".</summary>
    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>The manifests' paths, for <see cref="IsManifestPath"/>.</summary>
    public HashSet<string> ManifestPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The catalog of <paramref name="compilation"/>, built by the first analyzer that asks and shared with the others;
    /// null when the compilation has no flags.yaml.
    /// </summary>
    public static FlagCatalog? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var shared = ByCompilation.GetValue(compilation, static _ => new List<Shared>());
        lock (shared)
        {
            // A host analyzes a compilation with one set of options; should it hand analyzers different instances of
            // the same files and settings, they still share, and different files get their own catalog.
            foreach (var entry in shared)
            {
                if (ReferenceEquals(entry.Options, options)
                    || (entry.Options.AdditionalFiles == options.AdditionalFiles && ReferenceEquals(entry.Options.AnalyzerConfigOptionsProvider, options.AnalyzerConfigOptionsProvider)))
                {
                    return entry.Catalog;
                }
            }

            var catalog = Create(options, cancellationToken);
            shared.Add(new Shared(options, catalog));
            return catalog;
        }
    }

    /// <summary>Reads the flags.yaml files of the compilation; null when it has none.</summary>
    private static FlagCatalog? Create(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        provider.GlobalOptions.TryGetValue(TodayProperty, out var todayText);
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        rootNamespace = string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim();

        // A TypedFlagsToday that is not a date is TF0007 from the generator, which runs even where analyzers do not.
        var valid = FlagLifecycle.TryReadToday(todayText, DateTime.UtcNow, out var today);
        FlagCatalog? catalog = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!ProjectFiles.IsManifest(file, provider) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            catalog ??= new FlagCatalog(valid ? today : DateTime.UtcNow.Date);
            catalog.Add(file.Path, ManifestCache.Parse(text, cancellationToken), rootNamespace);
        }

        return catalog;
    }

    /// <summary>The configuration sections of the manifests (<c>Flags</c> by default).</summary>
    public IEnumerable<string> ConfigSections
    {
        get
        {
            var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var flag in Flags)
            {
                if (flag.ConfigSection is { } section)
                {
                    sections.Add(section);
                }
            }

            return sections;
        }
    }

    public bool IsManifestPath(string path) => ManifestPaths.Contains(path);

    public bool TryGet(string key, out CatalogFlag flag) => _byKey.TryGetValue(key, out flag!);

    /// <summary>
    /// The flag a feature name in code reaches: its key, else its <c>hash_name</c>, which TypedFlags.FeatureManagement
    /// resolves too (<c>[FeatureGate("Home")]</c> for the flag <c>home</c> with <c>hash_name: Home</c>). Configuration
    /// paths are keys only, so the appsettings checks use <see cref="TryGet"/>.
    /// </summary>
    public bool TryGetByName(string name, out CatalogFlag flag) => _byKey.TryGetValue(name, out flag!) || _byHashName.TryGetValue(name, out flag!);

    /// <summary>The flag behind a generated accessor property (<c>flags.BetaBanner</c>).</summary>
    public CatalogFlag? FindAccessor(IPropertySymbol property) =>
        property.ContainingType is { } type && ClassOf(type) is { } generated && generated.Members.TryGetValue(property.Name, out var flag) ? flag : null;

    /// <summary>The flag behind a generated key constant (<c>Flags.Keys.BetaBanner</c>).</summary>
    public CatalogFlag? FindKeysConstant(IFieldSymbol field) =>
        field.IsConst && field.ContainingType is { Name: "Keys", ContainingType: { } owner } && ClassOf(owner) is { } generated && generated.Members.TryGetValue(field.Name, out var flag) ? flag : null;

    /// <summary>
    /// True inside a type the TypedFlags generator emitted (the flags class, its <c>Keys</c>, the test overrides):
    /// their references to every flag are not uses.
    /// </summary>
    public bool IsGeneratedByTypedFlags(ISymbol? symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (_emittedByGenerator.GetOrAdd(type, EmittedByGenerator))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EmittedByGenerator(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" }
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is Emit.FlagsEmitter.ToolName)
            {
                return true;
            }
        }

        return false;
    }

    private GeneratedClass? ClassOf(INamedTypeSymbol type)
    {
        if (!_classesBySimpleName.TryGetValue(type.Name, out var candidates))
        {
            return null;
        }

        return _classOfType.GetOrAdd(type, t =>
        {
            var fullName = t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);
            return candidates.Find(candidate => candidate.FullName == fullName);
        });
    }

    private void Add(string path, Manifest.Parsing.ManifestParseResult parsed, string? rootNamespace)
    {
        ManifestPaths.Add(path);
        var model = parsed.Model;
        var className = model is null ? string.Empty : (FlagsEmitter.NamespaceOf(model, rootNamespace) is { } ns ? ns + "." : string.Empty) + model.ClassName;
        GeneratedClass? generated = null;
        if (model is not null)
        {
            if (!_classesBySimpleName.TryGetValue(model.ClassName, out var sameName))
            {
                _classesBySimpleName[model.ClassName] = sameName = new List<GeneratedClass>();
            }

            generated = sameName.Find(c => c.FullName == className);
            if (generated is null)
            {
                sameName.Add(generated = new GeneratedClass(className));
            }
        }

        var statuses = new Dictionary<string, FlagStatus>(StringComparer.Ordinal);
        if (model is not null)
        {
            foreach (var status in FlagLifecycle.Evaluate(model, Today))
            {
                statuses[status.Flag.Key] = status;
            }
        }

        foreach (var location in parsed.Locations)
        {
            if (_byKey.ContainsKey(location.Key))
            {
                // The same key in two manifests is the generator's TF0004/TF0023 to report; the first one wins here.
                continue;
            }

            statuses.TryGetValue(location.Key, out var status);
            var flag = new CatalogFlag(location.Key, status, ManifestDiagnosticConverter.LocationOf(path, location.Span), path, className)
            {
                ConfigSection = model?.ConfigSection,
                Index = Flags.Count,
                FinalExpression = status is { FinalTypedValue: { } final } && model is not null ? global::TypedFlags.Cleanup.FinalValueExpression.Of(final, status.Flag, FlagsEmitter.NamespaceOf(model, rootNamespace)) : null,
            };
            _byKey.Add(location.Key, flag);
            if (status?.Flag.HashName is { } hashName && !_byHashName.ContainsKey(hashName))
            {
                _byHashName.Add(hashName, flag);
            }

            Flags.Add(flag);
            if (status is not null && generated is not null)
            {
                // The accessor property and the Keys constant share the flag's accessor name.
                generated.Members[status.Flag.AccessorName] = flag;
            }
        }
    }

    /// <summary>A generated flags class: its namespace-qualified name and its flags by accessor name.</summary>
    private sealed class GeneratedClass
    {
        public GeneratedClass(string fullName) => FullName = fullName;

        public string FullName { get; }

        public Dictionary<string, CatalogFlag> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Shared(AnalyzerOptions Options, FlagCatalog? Catalog);
}
