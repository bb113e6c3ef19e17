namespace TypedFlags;

/// <summary>
/// A class of typed flags that can make a view of itself bound to one context. The generated flags class implements
/// it: <c>flags.For(context).SomeFlag.IsEnabled</c> reads the flag for that context, so code that serves one caller
/// (a web request, a message handler) passes the context once instead of to every read.
/// </summary>
/// <typeparam name="TFlags">The generated flags class itself.</typeparam>
public interface IFlagSet<out TFlags> : IFlagSet
    where TFlags : IFlagSet
{
    /// <summary>
    /// The same flags over the same engine, with every accessor bound to <paramref name="context"/>: <c>IsEnabled</c>,
    /// <c>IsShadow</c> and <c>Value</c> evaluate for it. Cheap (one object per flag) but not free: make one per caller.
    /// </summary>
    /// <param name="context">Who the flags are evaluated for.</param>
    TFlags For(FlagContext context);
}
