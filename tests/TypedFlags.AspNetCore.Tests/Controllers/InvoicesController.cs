using Microsoft.AspNetCore.Mvc;

namespace TypedFlags.AspNetCore.Tests.Controllers;

/// <summary>A controller gated as a whole, with an action gated again on a shadow flag.</summary>
[ApiController]
[Route("mvc/invoices")]
[RequireFlag(WebFlags.Keys.InvoicesWrite)]
public sealed class InvoicesController : ControllerBase
{
    [HttpGet]
    public string List() => "invoices";

    [HttpGet("export")]
    [RequireFlag(WebFlags.Keys.ReportsExport)]
    public string Export() => HttpContext.IsShadow(WebFlags.Keys.ReportsExport) ? "dry run" : "real";
}
