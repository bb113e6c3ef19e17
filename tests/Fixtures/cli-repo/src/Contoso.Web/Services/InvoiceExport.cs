using Contoso.Flags;

namespace Contoso.Web.Services;

/// <summary>Writes invoices as CSV; the legacy format is kept behind a launched flag.</summary>
public sealed class InvoiceExport(AppFlags flags)
{
    public string Describe()
    {
        if (flags.InvoicesLegacyExport.IsEnabled)
        {
            return "csv (new format)";
        }

        return "csv (legacy format)";
    }

    public string Separator() => flags.InvoicesLegacyExport.IsEnabled ? ";" : ",";

    // Estimates that need approval are exported with a marker column.
    public bool MarksApproval(string userId) => flags.EstimatesApproval.IsEnabledFor(new TypedFlags.FlagContext { TargetingKey = userId });
}
