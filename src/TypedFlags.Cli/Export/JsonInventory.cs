using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TypedFlags.Cli.Output;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Cli.Export;

/// <summary>
/// <c>--format json</c>: <c>{ "flags": [ ... ] }</c>, one object per flag in file order with key, source, envVar, type,
/// default (as written in flags.yaml), phase, rolloutPercent, owner, kind, created, expires, description and variants;
/// absent fields are null.
/// </summary>
internal static class JsonInventory
{
    /// <summary>The JSON text (LF line ends, two-space indent).</summary>
    public static string Write(IReadOnlyList<InventoryFlag> flags)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("flags");
            foreach (var (source, flag) in flags)
            {
                json.WriteStartObject();
                json.WriteString("key", flag.Key);
                json.WriteString("source", source.Replace('\\', '/'));
                json.WriteString("envVar", flag.EnvVar);
                json.WriteString("type", FlagText.Type(flag.Type));
                json.WriteString("default", flag.Default.ToDisplayString());
                json.WriteString("phase", flag.Phase);
                if (flag.RolloutThousandths is { } thousandths)
                {
                    json.WriteNumber("rolloutPercent", thousandths / 1000m);
                }
                else
                {
                    json.WriteNull("rolloutPercent");
                }

                json.WriteString("owner", flag.Owner);
                // The kinds as flags.yaml spells them; the enum follows the order of that table.
                json.WriteString("kind", ManifestFields.Kinds[(int)flag.Kind]);
                json.WriteString("created", flag.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("expires", flag.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("description", flag.Description);
                json.WriteStartArray("variants");
                foreach (var variant in flag.Variants)
                {
                    json.WriteStringValue(variant.Name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Utf8JsonWriter indents with the platform's new line on .NET 8; normalise so the file is the same everywhere.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
