using System;
using System.Collections.Generic;
using System.Globalization;

namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// Reads one flag's override (SPEC §4.2) from the merged view of configuration: a value, or the object
/// <c>{ Value, State, Rollout, Allow, Deny, Targets, Expires }</c>. The runtime applies what it returns and logs its
/// problems as warnings; the appsettings analyzer reports the same problems as TF2002. One reader, so the build
/// and the running app give the same verdict on the same input.
/// </summary>
/// <remarks>
/// <para>Provider order, for every field. A value at <c>Flags:&lt;key&gt;</c> is shorthand for the one field it
/// sets: <c>State</c> for <c>kill</c>, <c>Rollout</c> for a percentage, else <c>Value</c>. Where one provider writes
/// the value and a later one writes fields (or the other way round), the field group of the later provider wins:
/// <c>Value</c> and <c>State</c> are one group (the later of the two wins rather than conflicting), every other
/// field is its own. An empty value clears what earlier providers set. The same holds for a target's entry.</para>
/// <para>A key that should hold a value but holds an object or an array (<c>"Value": ["on"]</c>) is not valid, as is
/// a list entry or target that is not <see cref="TargetGrammar"/>'s.</para>
/// </remarks>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class OverrideReader
{
    /// <summary>What the configuration section itself accepts, for messages.</summary>
    public const string SectionAccepted = "an object with one entry per flag key";

    private const string ObjectAccepted = "a value, or an object with " + OverrideGrammar.ObjectFields;
    private const string TargetsAccepted = "a map from target to value, or an array of { " + OverrideGrammar.TargetFields + " }";
    private const string TargetEntryAccepted = "{ " + OverrideGrammar.TargetFields + " } with a Target";
    private const string TargetAccepted = "a value, or { " + OverrideGrammar.TargetFields + " }";
    private const string AgreeAccepted = "the same value as the other of Value and State, or only one of them";

    /// <summary>
    /// The problem of a configuration section that is a value (<c>"Flags": "on"</c>), which configuration keeps but
    /// no flag reads; null when the section is fine.
    /// </summary>
    public static OverrideProblem? SectionProblem(OverrideNode section) =>
        section.HasValue && !section.IsBlank && section.ValueOrder >= section.ChildrenOrder
            ? new OverrideProblem(section, atName: false, Quote(section.Text), SectionAccepted, rejects: false)
            : null;

    /// <summary>Reads the override at <paramref name="entry"/> (<c>Flags:&lt;key&gt;</c>) for <paramref name="flag"/>.</summary>
    public static OverrideReading Read(OverrideFlagShape flag, OverrideNode entry)
    {
        var reading = new OverrideReading();
        new Run(flag, reading).Flag(entry);
        return reading;
    }

    /// <summary>
    /// Classifies a value of the flag's grammar (SPEC §4.2): a value, <c>kill</c> (bool flags) or a rollout
    /// <c>25%</c> (bool flags); false when it is not valid. <paramref name="canonical"/> is the value in one
    /// spelling (<c>true</c>, <c>42</c>, the declared variant name), to compare two of them.
    /// </summary>
    public static bool TryClassify(OverrideFlagShape flag, string raw, out OverrideSettingKind kind, out int thousandths, out string canonical)
    {
        var text = raw.Trim();
        kind = OverrideSettingKind.Value;
        thousandths = 0;
        canonical = text;
        switch (flag.Type)
        {
            case OverrideFlagType.Bool:
                if (OverrideGrammar.IsTrue(text))
                {
                    canonical = "true";
                }
                else if (OverrideGrammar.IsFalse(text))
                {
                    canonical = "false";
                }
                else if (OverrideGrammar.IsShadow(text))
                {
                    canonical = "shadow";
                }
                else if (OverrideGrammar.IsKill(text))
                {
                    kind = OverrideSettingKind.Kill;
                }
                else if (text.EndsWith("%", StringComparison.Ordinal) && OverrideGrammar.TryParsePercent(text.Substring(0, text.Length - 1), out thousandths))
                {
                    kind = OverrideSettingKind.Rollout;
                }
                else
                {
                    return false;
                }

                return true;
            case OverrideFlagType.Int:
                if (OverrideGrammar.TryParseInt(text, out var integer))
                {
                    canonical = integer.ToString(CultureInfo.InvariantCulture);
                    return true;
                }

                return false;
            case OverrideFlagType.Double:
                if (OverrideGrammar.TryParseDouble(text, out var number))
                {
                    canonical = number.ToString("R", CultureInfo.InvariantCulture);
                    return true;
                }

                return false;
            case OverrideFlagType.String:
                // Strings are taken as written: surrounding spaces may be the point.
                canonical = raw;
                return true;
            default:
                foreach (var variant in flag.Variants)
                {
                    if (string.Equals(variant, text, StringComparison.OrdinalIgnoreCase))
                    {
                        canonical = variant;
                        return true;
                    }
                }

                return false;
        }
    }

    private static string Quote(string text) => "'" + text + "'";

    private static string Shape(OverrideNode node) => node.IsArray ? "an array" : "an object";

    /// <summary>True when the node's own value was written after everything under it (it has both only across providers).</summary>
    private static bool ValueIsLatest(OverrideNode node) => node.HasValue && node.ValueOrder > node.ChildrenOrder;

    private sealed class Run
    {
        private readonly OverrideFlagShape _flag;
        private readonly OverrideReading _reading;
        private string? _valueCanonical;

        public Run(OverrideFlagShape flag, OverrideReading reading)
        {
            _flag = flag;
            _reading = reading;
        }

        private bool IsBool => _flag.Type == OverrideFlagType.Bool;

        public void Flag(OverrideNode entry)
        {
            if (entry.Children.Count == 0 || ValueIsLatest(entry) && entry.IsBlank)
            {
                // A value alone; or an empty value that clears everything earlier providers set.
                _ = Shorthand(entry);
                return;
            }

            if (!entry.HasValue)
            {
                if (entry.IsArray)
                {
                    Reject(entry, Shape(entry), ObjectAccepted);
                    return;
                }

                _ = Fields(entry.Children);
                return;
            }

            if (entry.IsBlank)
            {
                // An empty value clears what providers before it set; later fields still apply.
                _ = Fields(After(entry.Children, entry.ValueOrder));
                return;
            }

            // A value in one provider and fields in another: the value is shorthand for the field it sets, and the
            // later provider wins that field's group.
            var group = ShorthandIsRollout(entry.Text) ? new[] { "Rollout" } : new[] { "Value", "State" };
            var competitors = 0;
            var latest = -1;
            var others = new List<OverrideNode>();
            foreach (var child in entry.Children)
            {
                if (Array.Exists(group, name => string.Equals(name, child.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    competitors++;
                    latest = Math.Max(latest, child.LatestOrder);
                }
                else
                {
                    others.Add(child);
                }
            }

            if (competitors == 0 || entry.ValueOrder > latest)
            {
                // The entry has fields too (from another provider), so its value is read as the shorthand it is,
                // not refused as "an object" the way a field holding an object is.
                _ = Fields(others) && ValueOrState(entry, isState: false, mixedShorthand: true);
            }
            else
            {
                _ = Fields(entry.Children);
            }
        }

        private bool ShorthandIsRollout(string raw) =>
            TryClassify(_flag, raw, out var kind, out _, out _) && kind == OverrideSettingKind.Rollout;

        /// <summary>The flag's value alone: a value, <c>kill</c> or a rollout. Empty means not set.</summary>
        private bool Shorthand(OverrideNode node) => ValueOrState(node, isState: false);

        private bool Fields(IEnumerable<OverrideNode> fields)
        {
            var list = new List<OverrideNode>(fields);

            // Value and State from different providers: the later one wins rather than conflicting.
            var value = list.Find(f => string.Equals(f.Key, "Value", StringComparison.OrdinalIgnoreCase));
            var state = list.Find(f => string.Equals(f.Key, "State", StringComparison.OrdinalIgnoreCase));
            if (value is not null && state is not null && value.LatestOrder != state.LatestOrder)
            {
                list.Remove(value.LatestOrder < state.LatestOrder ? value : state);
            }

            foreach (var field in list)
            {
                var ok = field.Key.ToUpperInvariant() switch
                {
                    "VALUE" => ValueOrState(field, isState: false),
                    "STATE" => ValueOrState(field, isState: true),
                    "ROLLOUT" when IsBool => Rollout(field),
                    "ALLOW" when IsBool => List(field, allow: true),
                    "DENY" when IsBool => List(field, allow: false),
                    "TARGETS" => Targets(field),
                    "EXPIRES" => Expires(field, out var expires) && Set(expires),
                    "ROLLOUT" or "ALLOW" or "DENY" => Ignore(field, "Value, State, Targets or Expires: Rollout, Allow and Deny apply to bool flags only"),
                    _ => Ignore(field, "one of the fields " + OverrideGrammar.ObjectFields),
                };

                if (!ok)
                {
                    return false;
                }
            }

            return true;

            bool Set(DateTimeOffset? expires)
            {
                _reading.Expires = expires;
                return true;
            }
        }

        /// <summary><c>Value</c> and <c>State</c> (and the shorthand): a value, a kill or (bool) a rollout.</summary>
        private bool ValueOrState(OverrideNode field, bool isState, bool mixedShorthand = false)
        {
            var accepted = isState && !IsBool ? OverrideGrammar.StateAccepted : _flag.Accepted;
            var raw = field.Text;
            if ((!mixedShorthand && !Scalar(field, accepted, out raw)) || raw.Trim().Length == 0)
            {
                return !_reading.Rejected;
            }

            var text = raw.Trim();
            OverrideSettingKind kind;
            int thousandths;
            string canonical;
            if (isState && OverrideGrammar.IsKill(text))
            {
                (kind, thousandths, canonical) = (OverrideSettingKind.Kill, 0, text);
            }
            else if (isState && OverrideGrammar.IsActive(text))
            {
                return true;
            }
            else if ((isState && !IsBool) || !TryClassify(_flag, raw, out kind, out thousandths, out canonical))
            {
                return Reject(field, Quote(raw), accepted);
            }

            var setting = new OverrideSetting(kind, raw, thousandths, canonical, field);
            switch (kind)
            {
                case OverrideSettingKind.Kill:
                    _reading.Kill = setting;
                    return true;
                case OverrideSettingKind.Rollout:
                    _reading.Rollout = setting;
                    return true;
                default:
                    if (_valueCanonical is not null && !string.Equals(_valueCanonical, canonical, StringComparison.Ordinal))
                    {
                        return Reject(field, Quote(raw), AgreeAccepted);
                    }

                    _valueCanonical = canonical;
                    _reading.Value = setting;
                    return true;
            }
        }

        private bool Rollout(OverrideNode field)
        {
            if (!Scalar(field, OverrideGrammar.RolloutAccepted, out var raw) || raw.Trim().Length == 0)
            {
                return !_reading.Rejected;
            }

            var text = raw.Trim();
            if (text.EndsWith("%", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 1);
            }

            if (!OverrideGrammar.TryParsePercent(text, out var thousandths))
            {
                return Reject(field, Quote(raw), OverrideGrammar.RolloutAccepted);
            }

            _reading.Rollout = new OverrideSetting(OverrideSettingKind.Rollout, raw, thousandths, text, field);
            return true;
        }

        /// <summary><c>Allow</c>/<c>Deny</c>: an array of entries, or one string of entries separated by ',' or ';'.</summary>
        private bool List(OverrideNode field, bool allow)
        {
            var parts = new List<(string Text, OverrideNode Node)>();
            if (field.Children.Count == 0 || ValueIsLatest(field))
            {
                foreach (var part in field.Text.Split(',', ';'))
                {
                    parts.Add((part, field));
                }
            }
            else if (!field.IsArray)
            {
                return Reject(field, Shape(field), OverrideGrammar.ListAccepted);
            }
            else
            {
                foreach (var item in field.Children)
                {
                    if (item.Children.Count > 0 && !ValueIsLatest(item))
                    {
                        return Reject(item, Shape(item), OverrideGrammar.ListAccepted);
                    }

                    parts.Add((item.Text, item));
                }
            }

            var entries = new List<string>();
            foreach (var (text, node) in parts)
            {
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                if (!TargetGrammar.TryNormalize(text, out var entry))
                {
                    return Reject(node, Quote(text.Trim()), TargetGrammar.Accepted);
                }

                entries.Add(entry);
            }

            var list = entries.Count > 0 ? new OverrideList(entries, field) : null;
            if (allow)
            {
                _reading.Allow = list;
            }
            else
            {
                _reading.Deny = list;
            }

            return true;
        }

        private bool Targets(OverrideNode field)
        {
            if (field.Children.Count == 0 || ValueIsLatest(field))
            {
                return field.IsBlank || Reject(field, "a single value", TargetsAccepted);
            }

            foreach (var child in field.Children)
            {
                bool ok;
                if (child.Child("Target") is { } targetField && child.Children.Count > 0 && !ValueIsLatest(child))
                {
                    // Array form (or a map entry that names its target): { Target, Value, State, Expires }.
                    if (!Scalar(targetField, TargetGrammar.Accepted, out var target))
                    {
                        return false;
                    }

                    ok = target.Trim().Length == 0
                        ? Reject(child, "an entry without Target", TargetEntryAccepted)
                        : Target(target, child, targetField);
                }
                else if (OverrideNode.IsIndex(child.Key) && field.IsArray)
                {
                    ok = Reject(child, "an entry without Target", TargetEntryAccepted);
                }
                else if (TargetGrammar.PrefixOfKey(child.Key) is { } prefix && child.Children.Count > 0 && !ValueIsLatest(child) && !LooksLikeTarget(child))
                {
                    // Map form with a prefixed key ("tenant:acme"), which configuration split at ':'.
                    ok = true;
                    foreach (var prefixed in child.Children)
                    {
                        ok = ok && Target(prefix + prefixed.Key, prefixed, prefixed);
                    }
                }
                else
                {
                    ok = Target(child.Key, child, child);
                }

                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool LooksLikeTarget(OverrideNode node) =>
            node.Child("Value") is not null || node.Child("State") is not null || node.Child("Expires") is not null || node.Child("Target") is not null;

        /// <summary>One target's entry: a value (shorthand for its Value), or { Target, Value, State, Expires }.</summary>
        private bool Target(string target, OverrideNode entry, OverrideNode named)
        {
            if (!TargetGrammar.TryNormalize(target, out var normalized))
            {
                return Reject(named, "target " + Quote(target), TargetGrammar.Accepted, atName: named == entry && named.Child("Target") is null);
            }

            OverrideSetting? setting = null;
            DateTimeOffset? expires = null;
            var fields = new List<OverrideNode>(entry.Children);
            var useValue = entry.Children.Count == 0;
            if (entry.HasValue && entry.Children.Count > 0)
            {
                // A value in one provider, fields in another: the value is shorthand for Value.
                var latest = -1;
                foreach (var child in entry.Children)
                {
                    if (IsValueOrState(child))
                    {
                        latest = Math.Max(latest, child.LatestOrder);
                    }
                }

                if (entry.ValueOrder > latest)
                {
                    useValue = true;
                    fields.RemoveAll(IsValueOrState);
                    if (entry.IsBlank)
                    {
                        fields.RemoveAll(f => f.LatestOrder < entry.ValueOrder);
                    }
                }
            }
            else if (!entry.HasValue && entry.IsArray)
            {
                return Reject(entry, Shape(entry), TargetAccepted);
            }

            if (useValue && !entry.IsBlank && !TargetSetting(entry, entry.Text, isState: false, out setting))
            {
                return false;
            }

            var value = fields.Find(f => string.Equals(f.Key, "Value", StringComparison.OrdinalIgnoreCase));
            var state = fields.Find(f => string.Equals(f.Key, "State", StringComparison.OrdinalIgnoreCase));
            if (value is not null && state is not null && value.LatestOrder != state.LatestOrder)
            {
                fields.Remove(value.LatestOrder < state.LatestOrder ? value : state);
            }

            foreach (var field in fields)
            {
                switch (field.Key.ToUpperInvariant())
                {
                    case "TARGET":
                        break;
                    case "VALUE":
                    case "STATE":
                        var isState = field.Key.Equals("State", StringComparison.OrdinalIgnoreCase);
                        if (!Scalar(field, isState && !IsBool ? OverrideGrammar.StateAccepted : _flag.Accepted, out var raw))
                        {
                            return false;
                        }

                        if (raw.Trim().Length > 0)
                        {
                            if (!TargetSetting(field, raw, isState, out var read))
                            {
                                return false;
                            }

                            setting = read ?? setting;
                        }

                        break;
                    case "EXPIRES":
                        if (!Expires(field, out expires))
                        {
                            return false;
                        }

                        break;
                    default:
                        Ignore(field, "one of the target fields " + OverrideGrammar.TargetFields);
                        break;
                }
            }

            if (setting is not null)
            {
                _reading.Add(new OverrideTargetEntry(normalized, setting, expires));
            }

            return true;
        }

        private static bool IsValueOrState(OverrideNode node) =>
            string.Equals(node.Key, "Value", StringComparison.OrdinalIgnoreCase) || string.Equals(node.Key, "State", StringComparison.OrdinalIgnoreCase);

        /// <summary>A target's value: the flag's grammar without rollouts (a single target is in or out); <c>kill</c> on every type but string values.</summary>
        private bool TargetSetting(OverrideNode node, string raw, bool isState, out OverrideSetting? setting)
        {
            setting = null;
            var text = raw.Trim();
            if (isState && OverrideGrammar.IsActive(text))
            {
                return true;
            }

            if (OverrideGrammar.IsKill(text) && (isState || _flag.Type != OverrideFlagType.String))
            {
                setting = new OverrideSetting(OverrideSettingKind.Kill, raw, 0, text, node);
                return true;
            }

            if (isState && !IsBool)
            {
                return Reject(node, Quote(raw), OverrideGrammar.StateAccepted);
            }

            if (!TryClassify(_flag, raw, out var kind, out _, out var canonical))
            {
                return Reject(node, Quote(raw), _flag.Accepted);
            }

            if (kind == OverrideSettingKind.Rollout)
            {
                return Reject(node, Quote(raw), OverrideGrammar.TargetValueAccepted);
            }

            setting = new OverrideSetting(kind, raw, 0, canonical, node);
            return true;
        }

        private bool Expires(OverrideNode field, out DateTimeOffset? expires)
        {
            expires = null;
            if (!Scalar(field, OverrideGrammar.ExpiresAccepted, out var raw))
            {
                return false;
            }

            if (raw.Trim().Length == 0)
            {
                return true;
            }

            if (!OverrideGrammar.TryParseExpires(raw, out var parsed))
            {
                return Reject(field, Quote(raw), OverrideGrammar.ExpiresAccepted);
            }

            expires = parsed;
            return true;
        }

        /// <summary>The value of a key that takes a value; an object or an array there is not valid.</summary>
        private bool Scalar(OverrideNode node, string accepted, out string raw)
        {
            raw = node.Text;
            if (node.Children.Count == 0 || ValueIsLatest(node))
            {
                return true;
            }

            return Reject(node, Shape(node), accepted);
        }

        private bool Reject(OverrideNode node, string shown, string accepted, bool atName = false)
        {
            _reading.Add(new OverrideProblem(node, atName, shown, accepted, rejects: true));
            _reading.Rejected = true;
            return false;
        }

        private bool Ignore(OverrideNode field, string accepted)
        {
            _reading.Add(new OverrideProblem(field, atName: true, "field " + Quote(field.Key), accepted, rejects: false));
            return true;
        }

        private static IEnumerable<OverrideNode> After(IReadOnlyList<OverrideNode> children, int order)
        {
            foreach (var child in children)
            {
                if (child.LatestOrder > order)
                {
                    yield return child;
                }
            }
        }
    }
}
