using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary>The admin page served by <c>MapFlagAdmin</c>: embedded files, content types, caching, CSP, authorization.</summary>
public sealed class AdminPageTests
{
    [Theory]
    [InlineData("/admin/flags/", "text/html")]
    [InlineData("/admin/flags/assets/admin.js", "text/javascript")]
    [InlineData("/admin/flags/assets/admin.css", "text/css")]
    public async Task Each_file_is_served_with_its_type_a_CSP_without_inline_script_and_revalidation(string path, string type)
    {
        await using var admin = await AdminApp.StartAsync();

        var response = await admin.SendAsync(HttpMethod.Get, path);
        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.Add("X-Name", "Ada");
        again.Headers.Add("X-Roles", "admin");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        var revalidated = await admin.App.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task The_page_loads_only_its_own_files_and_has_no_inline_script_or_handlers()
    {
        await using var admin = await AdminApp.StartAsync();

        var html = await (await admin.SendAsync(HttpMethod.Get, "/admin/flags/")).Content.ReadAsStringAsync();

        Assert.Matches("<script src=\"assets/admin.js\" defer></script>", html);
        Assert.DoesNotMatch(new Regex("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=|https?://"), html);
        Assert.DoesNotMatch(new Regex("style=\""), html);
        Assert.Contains("<label for=\"reason\">", html);
    }

    [Fact]
    public async Task The_page_needs_the_policy_too_and_the_path_without_slash_redirects_under_it()
    {
        await using var admin = await AdminApp.StartAsync();

        var anonymous = await admin.SendAsync(HttpMethod.Get, "/admin/flags/", name: null, roles: null);
        var staff = await admin.SendAsync(HttpMethod.Get, "/admin/flags/assets/admin.js", name: "Bob", roles: "staff");
        var bare = await admin.SendAsync(HttpMethod.Get, "/admin/flags");
        var missing = await admin.SendAsync(HttpMethod.Get, "/admin/flags/assets/other.js");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/admin/flags/", bare.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
