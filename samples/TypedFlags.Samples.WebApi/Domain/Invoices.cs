using TypedFlags;

namespace FieldOps.Api.Domain;

/// <summary>What a client sends to create an invoice.</summary>
public sealed record InvoiceDraft(string Customer, decimal Amount);

/// <summary>An invoice.</summary>
public sealed record Invoice(int Number, string Customer, decimal Amount, string? Tenant, string? CreatedBy);

/// <summary>In-memory invoices: the sample is about the gates, not storage.</summary>
public static class Invoices
{
    public static readonly Invoice[] Sample =
    {
        new(1000, "Riverside Dental", 480.00m, "acme", "alice"),
    };

    public static Invoice Create(InvoiceDraft draft, FlagContext caller) =>
        new(1001, draft.Customer, draft.Amount, caller.Tenant, caller.TargetingKey);
}
