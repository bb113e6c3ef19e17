using System;
using System.IO;

namespace TypedFlags.Store.Tests.Infrastructure;

/// <summary>A database file in a fresh temporary directory, deleted with it.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "typedflags-store-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "flags.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A store still open elsewhere in a failing test; the temp folder is cleaned by the OS.
        }
    }
}
