#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks the marker type the compiler emits for `init` accessors (FlagContext uses them).
    // Internal, so it never clashes with the public type of newer frameworks in a consumer's compilation.
    internal static class IsExternalInit
    {
    }
}
#endif
