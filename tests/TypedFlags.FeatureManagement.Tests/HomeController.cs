using Microsoft.AspNetCore.Mvc;
using Microsoft.FeatureManagement.Mvc;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>An MVC action behind Microsoft.FeatureManagement's own <c>[FeatureGate]</c>.</summary>
[ApiController]
public sealed class HomeController : ControllerBase
{
    [HttpGet("/mvc")]
    [FeatureGate("Home")]
    public string Get() => "mvc";

    [HttpGet("/mvc-beta")]
    [FeatureGate("Beta")]
    public string GetBeta() => "mvc-beta";
}
