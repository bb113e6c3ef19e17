using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TypedFlags.AspNetCore.Tests.Pages;

/// <summary>A Razor Page gated on its page model.</summary>
[RequireFlag(WebFlags.Keys.InvoicesWrite)]
public sealed class BetaModel : PageModel
{
    public string Caller { get; private set; } = string.Empty;

    public void OnGet() => Caller = HttpContext.GetFlagContext().TargetingKey ?? "nobody";
}
