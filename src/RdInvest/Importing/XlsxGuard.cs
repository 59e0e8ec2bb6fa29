using System.IO.Compression;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>
/// Refuses an .xlsx that would expand beyond what any real statistics file needs (a "zip bomb"): too many
/// entries, too much uncompressed data, or an extreme compression ratio. Checked from the zip directory before
/// any cell is read.
/// </summary>
public static class XlsxGuard
{
    public const int MaxEntries = 10_000;
    public const long MaxUncompressedBytes = 2L * 1024 * 1024 * 1024;
    public const long MaxRatio = 200;

    public static void Check(string path, int maxEntries = MaxEntries, long maxUncompressed = MaxUncompressedBytes, long maxRatio = MaxRatio)
    {
        var name = Path.GetFileName(path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new UserError($"{name} 不是有效的 .xlsx 文件", $"{name} is not a valid .xlsx file");
        }
        using (zip)
        {
            if (zip.Entries.Count > maxEntries)
            {
                throw new UserError($"{name} 包含 {zip.Entries.Count} 个部件，超过上限 {maxEntries}", $"{name} has {zip.Entries.Count} parts, more than {maxEntries}");
            }
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total = checked(total + e.Length);
                if (e.Length > 1024 * 1024 && e.CompressedLength > 0 && e.Length / e.CompressedLength > maxRatio)
                {
                    throw new UserError($"{name} 的部件 {e.FullName} 压缩比异常（{e.Length / e.CompressedLength}:1），拒绝读取",
                        $"{name}: part {e.FullName} has an abnormal compression ratio ({e.Length / e.CompressedLength}:1); refused");
                }
            }
            if (total > maxUncompressed)
            {
                throw new UserError($"{name} 解压后超过 {maxUncompressed / (1024 * 1024)} MB，拒绝读取",
                    $"{name} expands to more than {maxUncompressed / (1024 * 1024)} MB; refused");
            }
        }
    }
}
