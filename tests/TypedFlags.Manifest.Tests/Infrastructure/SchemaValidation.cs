using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Json.Schema;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>The verdict of flags.schema.json on one document; the errors are worked out when shown (most documents of the corpus are invalid, and only a disagreement is shown).</summary>
internal sealed class SchemaResult
{
    private readonly Lazy<IReadOnlyList<string>> _errors;

    public SchemaResult(bool valid, Func<IReadOnlyList<string>> errors)
    {
        Valid = valid;
        _errors = new Lazy<IReadOnlyList<string>>(errors);
    }

    public bool Valid { get; }

    public IReadOnlyList<string> Errors => _errors.Value;

    public override string ToString() => Valid ? "valid" : "invalid: " + string.Join("; ", Errors);
}

/// <summary>
/// flags.schema.json as a JSON Schema validator (JsonSchema.Net, draft-07) sees it, applied to flags.yaml files read
/// by <see cref="YamlToJson"/> (YAML 1.2 core schema), as an editor does. In process: no Node.js, nothing to install.
/// </summary>
public sealed class SchemaValidation
{
    private static readonly EvaluationOptions Verdict = new() { OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions Explanation = new() { OutputFormat = OutputFormat.List };

    public SchemaValidation()
    {
        Schema = Build(File.ReadAllText(RepositoryPaths.Schema));
        Corpus = AgreementCorpus.Cases().ToArray();
    }

    /// <summary>The generated documents of <see cref="AgreementCorpus.Cases"/>, in order.</summary>
    internal IReadOnlyList<string> Corpus { get; }

    internal JsonSchema Schema { get; }

    /// <summary>
    /// Builds a draft-07 schema strictly: an unknown keyword (a typo such as <c>patern</c>, which a validator would
    /// otherwise ignore) throws. Its own registries: the schema's $id is registered when it is built, and the
    /// draft-07 dialect is replaced by the strict one only here.
    /// </summary>
    internal static JsonSchema Build(string schemaText)
    {
        var strict = Dialect.Draft07.With(Array.Empty<IKeywordHandler>(), id: MetaSchemas.Draft7Id, allowUnknownKeywords: false);
        var dialects = new DialectRegistry();
        dialects.Register(strict);
        return JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = dialects });
    }

    /// <summary>The schema's verdict on a file.</summary>
    internal SchemaResult For(string path) => Check(File.ReadAllBytes(path));

    /// <summary>The schema's verdict on a document.</summary>
    internal SchemaResult ForText(string yaml) => Check(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(yaml));

    private SchemaResult Check(byte[] bytes)
    {
        var (json, error) = YamlToJson.Convert(bytes);
        if (json is not { } data)
        {
            return new SchemaResult(false, () => new[] { error! });
        }

        var valid = Schema.Evaluate(data, Verdict).IsValid;
        return new SchemaResult(valid, () => valid ? Array.Empty<string>() : Explain(data));
    }

    private string[] Explain(System.Text.Json.JsonElement data)
    {
        var results = Schema.Evaluate(data, Explanation);
        return (results.Details ?? new List<EvaluationResults>())
            .Prepend(results)
            .Where(d => !d.IsValid && d.Errors is not null && !IsExpectedFailure(d))
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
            .ToArray();
    }

    /// <summary>A failing <c>if</c> or <c>not</c> subschema is no error of the document: the list output reports it all the same.</summary>
    private static bool IsExpectedFailure(EvaluationResults result) =>
        result.EvaluationPath.ToString().Split('/').Any(segment => segment is "if" or "not");
}
