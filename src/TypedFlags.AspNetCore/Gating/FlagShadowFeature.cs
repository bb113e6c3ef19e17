using System.Collections.Generic;

namespace TypedFlags.AspNetCore;

/// <summary>The keys of the gates that let this request through in shadow mode (see <c>HttpContext.IsShadow</c>).</summary>
internal sealed class FlagShadowFeature
{
    private readonly List<string> _keys = new(1);

    public void Add(string key)
    {
        if (!Contains(key))
        {
            _keys.Add(key);
        }
    }

    public bool Contains(string key) => _keys.Contains(key);
}
