using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// Emits a compiled consumer program and runs its entry point in this process, in a collectible load context,
/// returning what it wrote to the console. Runs are serialized: the console is one per process.
/// </summary>
internal static class ProgramRunner
{
    private static readonly object ConsoleLock = new();

    public static string Run(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The program does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("CleanupCorpus", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint ?? throw new InvalidOperationException("The program has no entry point.");
            lock (ConsoleLock)
            {
                var original = Console.Out;
                using var output = new StringWriter();
                Console.SetOut(output);
                try
                {
                    var arguments = entry.GetParameters().Length == 0 ? Array.Empty<object>() : new object[] { Array.Empty<string>() };
                    var result = entry.Invoke(null, arguments);
                    (result as Task)?.GetAwaiter().GetResult();
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    output.WriteLine("unhandled: " + e.InnerException.GetType().Name);
                }
                finally
                {
                    Console.SetOut(original);
                }

                return output.ToString();
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
