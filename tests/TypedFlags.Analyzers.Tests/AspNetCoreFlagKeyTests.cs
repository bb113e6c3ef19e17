using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// TF1001 checks the keys passed to TypedFlags.AspNetCore (<c>RequireFlag</c>, <c>[RequireFlag]</c>, <c>IsShadow</c>):
/// consumer code compiled against the real package assembly and ASP.NET Core 8, no stand-ins.
/// </summary>
public sealed class AspNetCoreFlagKeyTests
{
    [Fact]
    public async Task Keys_passed_to_the_endpoint_gates_the_attribute_and_IsShadow_are_checked()
    {
        var project = new AnalyzerVerifierTest(Manifests.Standard, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using TypedFlags.AspNetCore;

            [RequireFlag({|#0:"beta.baner"|})]
            public sealed class BetaController
            {
            }

            public static class Endpoints
            {
                public static void Map(IEndpointRouteBuilder app, HttpContext http)
                {
                    app.MapGet("/a", () => "a").RequireFlag({|#1:"new.chekout"|});
                    app.MapGroup("/b").RequireFlag({|#2:"old.serch"|}, "on");
                    app.MapGet("/c", () => "c").RequireFlag("beta.banner");
                    _ = http.IsShadow({|#3:"legacy.exprt"|});
                }
            }
            """);
        project.ReportOnly.Add("TF1001");
        var aspNetCore = typeof(AspNetCoreFlagKeyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AspNetCoreRefNet8").Value!;
        // The consumer references already hold Microsoft.Extensions.Configuration.Abstractions and Primitives; one copy each.
        var present = ConsumerProject.References.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)).ToHashSet();
        project.TestState.AdditionalReferences.AddRange(Directory.GetFiles(aspNetCore, "*.dll")
            .Where(path => !present.Contains(Path.GetFileName(path)))
            .Select(path => MetadataReference.CreateFromFile(path)));
        project.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TypedFlags.AspNetCore.RequireFlagAttribute).Assembly.Location));

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 3, "'legacy.exprt' is not a flag declared in flags.yaml; did you mean 'legacy.export'?"));

        await project.RunAsync();
    }
}
