using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TypedFlags.AspNetCore;

/// <summary>
/// Serves the admin page: static HTML, CSS and JavaScript embedded in this assembly (no build step, nothing from a
/// CDN), read on the first request only. Responses carry their content type, an ETag (304 when unchanged), and a
/// Content-Security-Policy that allows only this origin's scripts and styles: no inline script.
/// </summary>
internal static class FlagAdminPage
{
    /// <summary>Only same-origin files; no inline script or style; no framing (clickjacking on a kill switch).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly Lazy<Dictionary<string, Asset>> Assets = new(Load);

    /// <summary>The page at <c>pattern/</c>; <c>pattern</c> without the slash redirects, so relative URLs resolve under it.</summary>
    public static Task ServeIndexAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!request.Path.Value!.EndsWith('/'))
        {
            httpContext.Response.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
            return Task.CompletedTask;
        }

        return ServeAsync(httpContext, "index.html");
    }

    /// <summary>A file under <c>pattern/assets/</c>; 404 for anything not embedded.</summary>
    public static Task ServeAssetAsync(HttpContext httpContext) =>
        ServeAsync(httpContext, httpContext.Request.RouteValues["file"] as string ?? string.Empty);

    private static async Task ServeAsync(HttpContext httpContext, string name)
    {
        var response = httpContext.Response;
        if (!Assets.Value.TryGetValue(name, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        // Behind authorization: private caches only, and revalidated each time so a new package version shows at once.
        headers.CacheControl = "private, no-cache";
        headers.ETag = asset.ETag;
        if (httpContext.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(FlagAdminPage).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("index.html", "text/html; charset=utf-8"), ("admin.css", "text/css; charset=utf-8"), ("admin.js", "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("TypedFlags.AspNetCore.Admin." + name)
                ?? throw new InvalidOperationException($"The admin page's '{name}' is not embedded in {assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            assets[name] = new Asset(content, type, "\"" + Convert.ToHexString(SHA256.HashData(content), 0, 8) + "\"");
        }

        return assets;
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
