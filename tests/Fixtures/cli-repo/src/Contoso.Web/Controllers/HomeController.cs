using Contoso.Flags;
using Microsoft.AspNetCore.Mvc;

namespace Contoso.Web.Controllers;

public sealed class HomeController(AppFlags flags) : Controller
{
    public IActionResult Index()
    {
        ViewData["ReadOnly"] = flags.Engine.Manifest.IndexOf(AppFlags.Keys.OpsReadOnly) >= 0 && flags.OpsReadOnly.IsEnabled;
        return View(flags);
    }
}
