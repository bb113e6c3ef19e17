using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>
/// A temporary folder of real settings files for the JSON configuration provider. It is also the provider's
/// <see cref="IFileProvider"/>: files are read from disk, but a file "changes" (and the provider reloads it) only when
/// <see cref="Change"/> says so, on the calling thread, so reload tests need neither a file watcher nor a clock.
/// </summary>
internal sealed class SettingsFiles : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files;
    private readonly Dictionary<string, CancellationTokenSource> _watches = new(StringComparer.OrdinalIgnoreCase);

    public SettingsFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("typedflags-settings-").FullName;
        _files = new PhysicalFileProvider(Directory);
    }

    public string Directory { get; }

    public void Write(string name, string json) => File.WriteAllText(Path.Combine(Directory, name), json);

    /// <summary>Signals that <paramref name="name"/> changed: its provider reloads now. Returns what the reload threw, if anything.</summary>
    public Exception? Change(string name)
    {
        CancellationTokenSource? watch;
        lock (_watches)
        {
            _watches.Remove(name, out watch);
        }

        return Record(() => watch?.Cancel());
    }

    public IFileInfo GetFileInfo(string subpath) => _files.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => _files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter)
    {
        lock (_watches)
        {
            if (!_watches.TryGetValue(filter, out var watch))
            {
                _watches[filter] = watch = new CancellationTokenSource();
            }

            return new CancellationChangeToken(watch.Token);
        }
    }

    public void Dispose()
    {
        _files.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
