using System.Globalization;
using System.Text;

namespace TypedFlags.Benchmarks;

/// <summary>Builds a realistic flags.yaml with N flags (mixed types, phases, rollouts, targeting, schedules).</summary>
public static class SyntheticManifest
{
    public static string Create(int count)
    {
        var builder = new StringBuilder(count * 220);
        builder.Append("version: 1\nnamespace: Bench\nclass: BenchFlags\nenv_prefix: VITE_\nflags:\n");
        for (var i = 0; i < count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"area{i % 37}.feature_{i}");
            builder.Append("  ").Append(key).Append(":\n");
            builder.Append("    description: Feature number ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" of the synthetic plan\n");
            builder.Append("    owner: team-").Append((i % 12).ToString(CultureInfo.InvariantCulture)).Append('\n');
            switch (i % 5)
            {
                case 0:
                    builder.Append("    phase: beta\n    rollout: 12.5\n    expires: 2027-06-30\n");
                    break;
                case 1:
                    builder.Append("    type: int\n    default: 10\n    environments: { development: 100 }\n");
                    break;
                case 2:
                    builder.Append("    targeting:\n      allow: [alice, \"tenant:acme\"]\n      deny: [\"group:banned\"]\n    schedule:\n      - { at: 2026-12-01, rollout: 1 }\n      - { at: 2027-01-05, rollout: 100 }\n");
                    break;
                case 3:
                    builder.Append("    type: variant\n    variants: [a, b, c]\n    default: a\n    split: { b: 10, c: 10 }\n");
                    break;
                default:
                    builder.Append("    default: shadow\n    kind: operational\n    metadata: { jira: BENCH-1 }\n");
                    break;
            }
        }

        return builder.ToString();
    }
}
