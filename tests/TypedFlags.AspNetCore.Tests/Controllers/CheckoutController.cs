using Microsoft.AspNetCore.Mvc;

namespace TypedFlags.AspNetCore.Tests.Controllers;

/// <summary>Actions gated one by one: a variant with a required value, and one action left open.</summary>
[ApiController]
[Route("mvc/checkout")]
public sealed class CheckoutController : ControllerBase
{
    [HttpGet("compact")]
    [RequireFlag(WebFlags.Keys.CheckoutLayout, Value = "compact")]
    public string Compact() => "compact";

    [HttpGet("classic")]
    public string Classic() => "classic";
}
