using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Generators.Emit;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Every flag the compilation's flags.yaml files declare, keyed the ways C# reaches a flag: by key (case-insensitive,
/// like the runtime), by generated accessor and by generated <c>Keys</c> constant. Built once per compilation by
/// each analyzer from the shared <see cref="ManifestCache"/>.
/// </summary>
internal sealed class FlagCatalog
{
    /// <summary>Build property (yyyy-MM-dd) that fixes "today" for TF1101–TF1103.</summary>
    public const string TodayProperty = "build_property.TypedFlagsToday";

    private readonly Dictionary<string, CatalogFlag> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CatalogFlag> _byMember = new(StringComparer.Ordinal);

    // Every property and field reference of the project passes through FindAccessor/FindKeysConstant: a simple-name
    // check first, and one display string per generated class, keep that off the formatting path.
    private readonly HashSet<string> _classNames = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, string> _fullNames = new(SymbolEqualityComparer.Default);

    private FlagCatalog(DateTime today, string? invalidToday)
    {
        Today = today;
        InvalidToday = invalidToday;
    }

    /// <summary>The day staleness is judged on.</summary>
    public DateTime Today { get; }

    /// <summary>The value of <c>TypedFlagsToday</c> when it is not a date (the UTC date is used instead).</summary>
    public string? InvalidToday { get; }

    /// <summary>Every declared flag, in file order.</summary>
    public List<CatalogFlag> Flags { get; } = new();

    /// <summary>The declared keys, for "did you mean".</summary>
    public IEnumerable<string> Keys => _byKey.Keys;

    /// <summary>The manifests' paths, for <see cref="IsManifestPath"/>.</summary>
    public HashSet<string> ManifestPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the flags.yaml files of the compilation; null when it has none.</summary>
    public static FlagCatalog? Create(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        provider.GlobalOptions.TryGetValue(TodayProperty, out var todayText);
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        rootNamespace = string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim();

        var valid = FlagLifecycle.TryReadToday(todayText, DateTime.UtcNow, out var today);
        FlagCatalog? catalog = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!ProjectFiles.IsManifest(file, provider) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            catalog ??= new FlagCatalog(valid ? today : DateTime.UtcNow.Date, valid ? null : todayText);
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

    /// <summary>The flag behind a generated accessor property (<c>flags.BetaBanner</c>).</summary>
    public CatalogFlag? FindAccessor(IPropertySymbol property) =>
        property.ContainingType is { } type && _classNames.Contains(type.Name) && _byMember.TryGetValue(FullName(type) + "." + property.Name, out var flag) ? flag : null;

    /// <summary>The flag behind a generated key constant (<c>Flags.Keys.BetaBanner</c>).</summary>
    public CatalogFlag? FindKeysConstant(IFieldSymbol field) =>
        field.IsConst && field.ContainingType is { Name: "Keys", ContainingType: { } owner } && _classNames.Contains(owner.Name) && _byMember.TryGetValue(FullName(owner) + ".Keys." + field.Name, out var flag) ? flag : null;

    private string FullName(INamedTypeSymbol type) =>
        _fullNames.GetOrAdd(type, static t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length));

    private void Add(string path, Manifest.Parsing.ManifestParseResult parsed, string? rootNamespace)
    {
        ManifestPaths.Add(path);
        var model = parsed.Model;
        if (model is not null)
        {
            _classNames.Add(model.ClassName);
        }

        var className = model is null ? string.Empty : (FlagsEmitter.NamespaceOf(model, rootNamespace) is { } ns ? ns + "." : string.Empty) + model.ClassName;
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
            };
            _byKey.Add(location.Key, flag);
            Flags.Add(flag);
            if (status is not null)
            {
                _byMember[className + "." + status.Flag.AccessorName] = flag;
                _byMember[className + ".Keys." + status.Flag.AccessorName] = flag;
            }
        }
    }
}
