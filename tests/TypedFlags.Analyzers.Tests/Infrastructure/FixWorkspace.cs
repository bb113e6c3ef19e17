using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TypedFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// A consumer project in an <see cref="AdhocWorkspace"/>: the generated flags class as a document, the sources, and
/// the analyzers' diagnostics. The small helper for the fix cases the testing framework cannot express: a fix on
/// flags.yaml (an additional document), a nested action's group, the first action as dotnet format takes it, and the
/// differential compile-and-run tests (cleanup corpus, safety tests), which need the fixed text to run it.
/// </summary>
internal sealed class FixWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly ConsumerProject _project;

    public FixWorkspace(ConsumerProject project)
    {
        _project = project;
        var projectId = ProjectId.CreateNewId();
        var solution = _workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(project.OutputKind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: ConsumerProject.ParseOptions,
            metadataReferences: ConsumerProject.References));
        for (var i = 0; i < project.Sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Source{i}.cs", SourceText.From(project.Sources[i]), filePath: ConsumerProject.SourcePath(i));
        }

        var generated = project.Generated();
        solution = solution.AddDocument(DocumentId.CreateNewId(projectId), generated.HintName, SourceText.From(generated.Source), filePath: "/project/obj/" + generated.HintName);
        Assert(_workspace.TryApplyChanges(solution));
    }

    public Solution Solution => _workspace.CurrentSolution;

    /// <summary>Adds a file such as flags.yaml as an additional document of the project, as the IDE holds it.</summary>
    public TextDocument AddAdditionalDocument(string path, string text)
    {
        var id = DocumentId.CreateNewId(Project.Id);
        Assert(_workspace.TryApplyChanges(Solution.AddAdditionalDocument(id, System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path)));
        return Solution.GetAdditionalDocument(id)!;
    }

    public Project Project => Solution.Projects.Single();

    public Document Document(int index) => Project.Documents.Single(d => d.FilePath == ConsumerProject.SourcePath(index));

    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, params string[] ids)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzed = compilation.WithAnalyzers(ConsumerProject.Analyzers, new AnalyzerOptions(_project.AdditionalTexts, _project.OptionsProvider));
        var diagnostics = await analyzed.GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => ids.Contains(d.Id) && d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The code actions <paramref name="provider"/> offers for <paramref name="diagnostic"/>.</summary>
    public async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Diagnostic diagnostic)
    {
        var document = Project.GetDocument(diagnostic.Location.SourceTree!)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>Applies <paramref name="action"/> and returns the changed solution.</summary>
    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>Fix All with <paramref name="equivalenceKey"/> in <paramref name="scope"/>, starting from <paramref name="document"/>.</summary>
    public async Task<Solution> FixAllAsync(CodeFixProvider provider, Document document, FixAllScope scope, string? equivalenceKey, params string[] ids)
    {
        var diagnostics = await DiagnosticsAsync(Project, ids);
        var context = new FixAllContext(document, provider, scope, equivalenceKey!, ids, new Diagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        return await ApplyAsync(action!);
    }

    public static async Task<string> TextAsync(Solution solution, int index)
    {
        var document = solution.Projects.Single().Documents.Single(d => d.FilePath == ConsumerProject.SourcePath(index));
        return (await document.GetTextAsync()).ToString();
    }

    public void Dispose() => _workspace.Dispose();

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The workspace did not accept the solution.");
        }
    }

    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _all;

        public Diagnostics(ImmutableArray<Diagnostic> all) => _all = all;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _all.Where(d => d.Location.SourceTree?.FilePath == tree!.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_all);
    }
}
