namespace Contoso.Flags;

/// <summary>Decides whether an estimate needs approval before it becomes an invoice.</summary>
public sealed class ApprovalPolicy(AppFlags flags)
{
    public bool NeedsApproval(string userId, decimal amount)
    {
        if (amount > 10_000m)
        {
            return true;
        }

        return flags.EstimatesApproval.IsEnabledFor(new global::TypedFlags.FlagContext { TargetingKey = userId });
    }
}
