using System.Threading;

namespace TypedFlags;

/// <summary>
/// What a candidate path is told when it runs: whether it runs in shadow mode (beside the control, its result thrown
/// away, so it should skip side effects: a dry run) and a token that is cancelled when its time is up.
/// </summary>
/// <remarks>A struct, so telling the candidate costs no allocation on the On path.</remarks>
public readonly struct CandidateRun
{
    /// <summary>Creates the description of one candidate run.</summary>
    /// <param name="isShadow">True in shadow mode, where the candidate's result is only compared and reported.</param>
    /// <param name="cancellationToken">Cancelled when the candidate timeout passes; <c>default</c> when there is none.</param>
    public CandidateRun(bool isShadow, CancellationToken cancellationToken)
    {
        IsShadow = isShadow;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// True when the candidate runs beside the control in shadow mode: the caller gets the control's result, so the
    /// candidate should compute without writing, sending or charging anything (validate only, dry run). False when the
    /// flag is on and the candidate is the real path.
    /// </summary>
    public bool IsShadow { get; }

    /// <summary>Cancelled when the candidate timeout passes (shadow mode only); pass it on to I/O so a slow candidate stops early.</summary>
    public CancellationToken CancellationToken { get; }
}
