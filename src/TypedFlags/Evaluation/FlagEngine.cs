using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace TypedFlags;

/// <summary>
/// Evaluates the flags of one <see cref="FlagManifest"/>. The generated flags class wraps one engine; its
/// accessors (<see cref="BoolFlag"/>, <see cref="Flag{T}"/>, <see cref="VariantFlag{TEnum}"/>) read through it.
/// </summary>
/// <remarks>
/// <para>
/// The engine keeps every flag's state in an immutable snapshot that it replaces atomically, so reads are
/// lock-free, thread-safe and allocation-free, and never observe half of a change. Reads without a context are
/// precomputed per snapshot; reads for a context walk the evaluation order without allocating.
/// </para>
/// <para>
/// Schedule steps take effect without a restart: the engine sets a timer on its <see cref="TimeProvider"/> for the
/// next step and publishes a new snapshot when it fires, so no read has to consult the clock.
/// </para>
/// <para>Evaluation never throws.</para>
/// </remarks>
public sealed class FlagEngine
{
    // Timers have a maximum due time (about 49 days), and the wall clock that schedule steps are written in can
    // drift from the timer's monotonic clock (suspend, clock adjustments). Waking at least hourly bounds both.
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinTimerDue = TimeSpan.FromMilliseconds(1);

    private readonly CompiledFlag[] _flags;
    private readonly FlagValue?[]? _forced;
    private readonly TimeProvider _timeProvider;
    private readonly ConfigurationOverrides? _configurationOverrides;
    private readonly FlagTelemetry? _telemetry;
    private readonly object _gate = new();
    private RuntimeOverride?[]? _overrides;
    private volatile FlagSnapshot _snapshot;
    private ITimer? _timer;

    /// <summary>Creates an engine for <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The declared flags; usually the generated class's <c>Manifest</c>.</param>
    /// <param name="configuration">
    /// The source of deploy-time overrides: <c>{ConfigSection}:{key}</c> (see <see cref="FlagManifest.ConfigSection"/>)
    /// from any provider, re-read when the configuration reloads; null when only flags.yaml and the flags'
    /// environment variables apply.
    /// </param>
    /// <param name="options">The environment name, clock, logger, environment variables and telemetry switches; null for the defaults (see <see cref="FlagOptions"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> is null.</exception>
    public FlagEngine(FlagManifest manifest, IConfiguration? configuration = null, FlagOptions? options = null)
        : this(manifest, configuration, options, forced: null)
    {
    }

    private FlagEngine(FlagManifest manifest, IConfiguration? configuration, FlagOptions? options, FlagValue?[]? forced)
    {
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        Configuration = configuration;
        EnvironmentName = EnvironmentNames.Resolve(options?.EnvironmentName);
        _timeProvider = options?.TimeProvider ?? TimeProvider.System;
        _forced = forced;
        _telemetry = options?.Telemetry == true ? new FlagTelemetry(manifest) : null;
        _flags = CompiledFlag.CompileAll(manifest, EnvironmentName);

        // The flags' own environment variables win over the configuration, unless the application placed them in
        // its provider order itself. Tests (forced values) read no environment: a unit test must not change with
        // the machine it runs on.
        var variables = forced is null && options?.EnvironmentVariables != false && !FlagConfigurationExtensions.HasFlagEnvironmentVariables(configuration, manifest)
            ? new FlagEnvironmentVariablesProvider(manifest)
            : null;
        // A flag store is one more provider, after all the others: one reader, one reload path, one snapshot.
        var store = forced is null && options?.Store is { } attached ? new FlagStoreConfigurationProvider(attached, manifest.ConfigSection) : null;
        if (configuration is not null || variables is not null || store is not null)
        {
            _configurationOverrides = new ConfigurationOverrides(manifest, configuration, variables, store, options?.Logger);
            _overrides = ReadOverridesSafely(null);
        }

        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            _snapshot = FlagSnapshot.Build(_flags, _forced, manifest.Bucketing, now, _overrides);
            ScheduleRefresh(_snapshot.NextChange, now);
        }

        if (configuration is not null)
        {
            // Reloads (file watchers, Azure App Configuration refresh, ...) rebuild the snapshot. The callback holds
            // the engine weakly, like the schedule timer, so the configuration does not keep it alive.
            var target = new WeakReference<FlagEngine>(this);
            ChangeToken.OnChange(configuration.GetReloadToken, static state =>
            {
                if (state.TryGetTarget(out var engine))
                {
                    engine.Reload();
                }
            }, target);
        }

        if (store is not null)
        {
            // A store change (a write here, or one another process made) rebuilds the snapshot like a reload.
            var target = new WeakReference<FlagEngine>(this);
            ChangeToken.OnChange(store.GetReloadToken, static state =>
            {
                if (state.TryGetTarget(out var engine))
                {
                    engine.Reload();
                }
            }, target);

            // A change published while the first snapshot was built fired a token nobody held yet.
            if (!store.IsCurrent)
            {
                Reload();
            }
        }
    }

    /// <summary>The declared flags this engine evaluates.</summary>
    public FlagManifest Manifest { get; }

    /// <summary>The current environment: from <see cref="FlagOptions.EnvironmentName"/>, else <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else <c>Production</c>.</summary>
    public string EnvironmentName { get; }

    /// <summary>The configuration the engine was created with, if any.</summary>
    internal IConfiguration? Configuration { get; }

    /// <summary>The current snapshot. One volatile read; callers use the instance they got for a whole evaluation.</summary>
    internal FlagSnapshot Snapshot => _snapshot;

    /// <summary>Creates an engine for unit tests: values forced in <paramref name="overrides"/> win over everything flags.yaml declares.</summary>
    /// <param name="manifest">The declared flags; must be the manifest <paramref name="overrides"/> was created for.</param>
    /// <param name="overrides">The forced values. They are copied: later changes to <paramref name="overrides"/> do not affect the engine.</param>
    /// <param name="options">The environment name and clock; null for the defaults.</param>
    /// <returns>An engine whose forced flags evaluate to their forced value with reason <see cref="FlagReason.Override"/> and source <c>test</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> or <paramref name="overrides"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="overrides"/> was created for a different manifest.</exception>
    public static FlagEngine ForTesting(FlagManifest manifest, FlagTestOverrides overrides, FlagOptions? options = null)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        if (overrides is null)
        {
            throw new ArgumentNullException(nameof(overrides));
        }

        if (!ReferenceEquals(overrides.Manifest, manifest))
        {
            throw new ArgumentException("The overrides were created for a different manifest than the one passed.", nameof(overrides));
        }

        return new FlagEngine(manifest, configuration: null, options, overrides.ToArray());
    }

    /// <summary>Flag <paramref name="index"/>'s value without a context: precomputed per snapshot, so an array read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FlagOutcome ContextFree(int index)
    {
        var outcome = _snapshot.ContextFree[index];
        _telemetry?.Record(index, outcome);
        return outcome;
    }

    /// <summary>Evaluates flag <paramref name="index"/> for <paramref name="context"/>.</summary>
    internal FlagOutcome Evaluate(int index, in FlagContext context)
    {
        var snapshot = _snapshot;
        FlagOutcome outcome;
        try
        {
            outcome = FlagEvaluator.Evaluate(snapshot, index, in context);
        }
        catch (Exception)
        {
            // Only the caller's context can fail here (say, a Groups list that throws). A flag read must not
            // take the request down, so the answer falls back to the flag's value without a context.
            outcome = snapshot.ContextFree[index];
        }

        _telemetry?.Record(index, outcome);
        return outcome;
    }

    /// <summary>Arms the timer for <paramref name="next"/>, or disarms it. The caller holds <see cref="_gate"/>.</summary>
    private void ScheduleRefresh(DateTimeOffset? next, DateTimeOffset now)
    {
        if (next is null)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = next.Value - now;
        if (due < MinTimerDue)
        {
            due = MinTimerDue;
        }
        else if (due > MaxTimerDue)
        {
            due = MaxTimerDue;
        }

        _timer ??= CreateTimer();
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private ITimer CreateTimer()
    {
        // The callback holds the engine weakly: the runtime roots an armed timer, and an engine that nobody uses
        // any more must stay collectable. The timer is created disarmed so it cannot fire before it is stored.
        var target = new WeakReference<FlagEngine>(this);

        // Do not capture the creator's ExecutionContext: the timer outlives the call that happened to create the
        // engine, and would keep that call's AsyncLocal values alive.
        var restoreFlow = false;
        try
        {
            if (!ExecutionContext.IsFlowSuppressed())
            {
                ExecutionContext.SuppressFlow();
                restoreFlow = true;
            }

            return _timeProvider.CreateTimer(OnTimer, target, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                ExecutionContext.RestoreFlow();
            }
        }
    }

    /// <summary>Applies a configuration reload: new overrides, one new snapshot. A failed read keeps the last good snapshot.</summary>
    private void Reload()
    {
        lock (_gate)
        {
            try
            {
                var overrides = ReadOverridesSafely(_overrides);
                var now = _timeProvider.GetUtcNow();
                var snapshot = FlagSnapshot.Build(_flags, _forced, Manifest.Bucketing, now, overrides);
                _overrides = overrides;
                _snapshot = snapshot;
                ScheduleRefresh(snapshot.NextChange, now);
            }
            catch (Exception)
            {
                // A provider that throws mid-reload must not take flag reads down: the last good snapshot stays.
            }
        }
    }

    private RuntimeOverride?[]? ReadOverridesSafely(RuntimeOverride?[]? previous)
    {
        try
        {
            return _configurationOverrides?.Read(previous);
        }
        catch (Exception)
        {
            return previous;
        }
    }

    private static void OnTimer(object? state)
    {
        if (state is WeakReference<FlagEngine> target && target.TryGetTarget(out var engine))
        {
            engine.Refresh();
        }
    }

    /// <summary>Publishes a new snapshot when a schedule step has started, and arms the timer for the next one.</summary>
    private void Refresh()
    {
        lock (_gate)
        {
            try
            {
                var now = _timeProvider.GetUtcNow();
                var current = _snapshot;
                if (current.NextChange is { } pending && now < pending)
                {
                    // Woken before the step (the hourly cap, or clock drift): the snapshot is still right.
                    ScheduleRefresh(pending, now);
                    return;
                }

                var snapshot = FlagSnapshot.Build(_flags, _forced, Manifest.Bucketing, now, _overrides);
                _snapshot = snapshot;
                ScheduleRefresh(snapshot.NextChange, now);
            }
            catch (Exception)
            {
                // An exception on a timer thread would end the process. Keep the current snapshot and try again
                // later; the values stay those of the last good snapshot meanwhile.
                _timer?.Change(MaxTimerDue, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
