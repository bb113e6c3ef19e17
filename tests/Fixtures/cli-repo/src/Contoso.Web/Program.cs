using Contoso.Flags;
using Contoso.Web.Services;
using TypedFlags;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTypedFlags<AppFlags>();
builder.Services.AddSingleton<ApprovalPolicy>();
builder.Services.AddSingleton<InvoiceExport>();
builder.Services.AddControllersWithViews();
builder.Services.AddRazorComponents();

var app = builder.Build();
var flags = app.Services.GetRequiredService<AppFlags>();

app.MapPost("/invoices", () => flags.InvoicesWrite.IsEnabled ? Results.Created("/invoices/1", null) : Results.NotFound());
app.MapGet("/flags/write", () => AppFlags.Keys.InvoicesWrite);
app.MapGet("/checkout", () => flags.PaymentsOldCheckout.IsEnabled ? "old checkout" : "new checkout");
app.MapGet("/estimates/{amount:decimal}", (decimal amount, ApprovalPolicy policy) => policy.NeedsApproval("anonymous", amount) ? "approval" : "direct");
app.MapGet("/export", (InvoiceExport export) => export.Describe());
app.MapDefaultControllerRoute();
app.Run();

public partial class Program;
