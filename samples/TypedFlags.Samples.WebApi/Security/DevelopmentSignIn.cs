using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FieldOps.Api.Security;

/// <summary>
/// Development only: a browser sign-in for the flag admin page. <c>GET /dev/signin</c> shows a form (name and roles,
/// no password); <c>POST</c> signs in with a cookie. Program.cs maps it only when the environment is Development. A real
/// app signs admins in with its identity provider (OpenID Connect, Entra ID, ...) and keeps the same policy.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Path = "/dev/signin";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext http) =>
        {
            var returnUrl = WebUtility.HtmlEncode(LocalOrRoot(http.Request.Query["ReturnUrl"]));
            var html = $$"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Development sign-in</title></head>
                <body><main><h1>Development sign-in</h1>
                <p>No password: this page exists only in Development.</p>
                <form method="post" action="{{Path}}">
                <input type="hidden" name="returnUrl" value="{{returnUrl}}">
                <p><label for="user">User</label> <input id="user" name="user" value="ada" required></p>
                <p><label for="roles">Roles (comma-separated)</label> <input id="roles" name="roles" value="flag-admin"></p>
                <p><button id="signin" type="submit">Sign in</button></p>
                </form></main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });

        // The form is read directly (no [FromForm] binding): a development-only page with no antiforgery setup.
        endpoints.MapPost(Path, async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var user = form["user"].ToString().Trim();
            if (user.Length == 0)
            {
                return Results.BadRequest("A user name is required.");
            }

            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
            foreach (var role in form["roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                claims.Add(new Claim(ClaimTypes.Role, role));
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(LocalOrRoot(form["returnUrl"]));
        });
    }

    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
