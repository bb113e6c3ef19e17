using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TypedFlags.Cli.Report;

/// <summary>
/// <c>--format json</c>: <see cref="ReportDocument"/> as camelCase JSON, described by docs/schemas/report.schema.json.
/// Every property is written (null when a flag does not set it), so tools see one shape.
/// </summary>
internal static class JsonReport
{
    /// <summary>The serializer settings of the format; <see cref="Read"/> uses them too, so the JSON round-trips.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // The report is a file for tools, never embedded in HTML: code lines keep their <, > and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text, LF line ends, ending with a newline.</summary>
    public static string Write(ReportDocument report) => JsonSerializer.Serialize(report, Options).Replace("\r\n", "\n") + "\n";

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    public static ReportDocument? Read(string json) => JsonSerializer.Deserialize<ReportDocument>(json, Options);
}
