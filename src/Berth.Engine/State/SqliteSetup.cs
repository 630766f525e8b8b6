using System.Reflection;
using System.Runtime.InteropServices;

namespace Berth.Engine.State;

/// <summary>
/// Points SQLitePCLRaw at the system's libsqlite3. Published (NativeAOT) binaries bind its "e_sqlite3"
/// P/Invokes at link time (DirectPInvoke e_sqlite3 + -lsqlite3 in berth.csproj), so no library is loaded at
/// run time; under the JIT (unit tests, `dotnet berth.dll`) a resolver maps "e_sqlite3" to libsqlite3.so.0.
/// </summary>
internal static class SqliteSetup
{
    private static int _done;

    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
        }
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == "e_sqlite3" && NativeLibrary.TryLoad("libsqlite3.so.0", out nint handle) ? handle : 0;
}

file static class RuntimeFeature
{
    public static bool IsDynamicCodeSupported => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported;
}
