using System;
using System.IO;
using System.Text;
using Xunit;

namespace TypedFlags.Cli.Tests;

public sealed class UnexpectedFailureTests
{
    [Fact]
    public void A_failure_nobody_planned_for_is_one_line_and_exit_1_never_a_stack_trace()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");
        var error = new StringWriter { NewLine = "\n" };

        // Standard output closed under the tool (`typedflags list | head -1` on some shells) fails the first write.
        var exitCode = CliApp.Run(new[] { "list", path }, new CliConsole(new ClosedWriter(), error, Rich: false));

        Assert.Equal(1, exitCode);
        Assert.Equal("typedflags: unexpected error: IOException: The pipe is being closed.\n", error.ToString());
    }

    private sealed class ClosedWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("The pipe is being closed.");

        public override void Write(string? value) => throw new IOException("The pipe is being closed.");
    }
}
