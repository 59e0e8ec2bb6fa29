using System.Diagnostics;
using System.Globalization;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>
/// A small tmpfs of the test's own (needs root: <c>mount -t tmpfs -o size=…</c>), to run a database out of space or make
/// its file system read-only (<c>mount -o remount,ro</c> — as root, chmod does not stop writes, a read-only file system
/// does). <see cref="TryMountAsync"/> says why when it cannot mount, so the test skips with that reason.
/// </summary>
public sealed class TmpfsMount : IAsyncDisposable
{
    private TmpfsMount(string dir) => Dir = dir;

    public string Dir { get; }

    public static async Task<(TmpfsMount? Mount, string Reason)> TryMountAsync(int megabytes)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return (null, "mounting a tmpfs needs root on Linux");
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-tmpfs-").FullName;
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m,mode=0777", "tmpfs", dir);
        if (code != 0)
        {
            Directory.Delete(dir);
            return (null, $"mount -t tmpfs is not permitted here: {output}");
        }
        return (new TmpfsMount(dir), "");
    }

    public async Task RemountAsync(bool readOnly)
    {
        var (code, output) = await RunAsync("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Dir);
        if (code != 0)
        {
            throw new InvalidOperationException($"remount {Dir}: {output}");
        }
    }

    /// <summary>Fills the file system with a filler file, then frees <paramref name="leaveKb"/> KB of it.</summary>
    public string Fill(int leaveKb)
    {
        var filler = Path.Combine(Dir, "filler");
        var block = new byte[64 * 1024];
        using (var f = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            try
            {
                while (true)
                {
                    f.Write(block);
                }
            }
            catch (IOException)
            {
                // No space left: the file system is full.
            }
            f.SetLength(Math.Max(0, f.Length - leaveKb * 1024L));
        }
        return filler;
    }

    public long FreeBytes() => new DriveInfo(Dir).AvailableFreeSpace;

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Dir);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await stdout + await stderr).Trim());
    }
}
