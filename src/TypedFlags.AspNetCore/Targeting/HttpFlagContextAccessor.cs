using Microsoft.AspNetCore.Http;

namespace TypedFlags.AspNetCore;

/// <summary>
/// <see cref="IFlagContextAccessor"/> over the current HTTP request: the caller by <see cref="FlagHttpOptions"/>'s
/// rules, the same context <see cref="FlagHttpContextExtensions.GetFlagContext"/> gives; anonymous outside a request.
/// </summary>
internal sealed class HttpFlagContextAccessor : IFlagContextAccessor
{
    private readonly IHttpContextAccessor _http;

    public HttpFlagContextAccessor(IHttpContextAccessor http) => _http = http;

    public FlagContext Current => _http.HttpContext is { } httpContext ? httpContext.GetFlagContext() : default;
}
