using Contoso.Flags;
using Contoso.Web.Services;
using Xunit;

namespace Contoso.Web.Tests;

public class InvoiceExportTests
{
    [Fact]
    public void The_export_uses_the_new_format()
    {
        var export = new InvoiceExport(AppFlags.Create());

        Assert.Equal("csv (new format)", export.Describe());
        Assert.Equal(";", export.Separator());
    }

    [Fact]
    public void Large_estimates_always_need_approval()
    {
        var policy = new ApprovalPolicy(AppFlags.Create());

        Assert.True(policy.NeedsApproval("alice", 20_000m));
    }
}
