using System.IO.Compression;
using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.Tests.Importing;

public sealed class XlsxGuardTests
{
    private static string Zip(Action<ZipArchive> fill)
    {
        var path = Path.Combine(Path.GetTempPath(), $"guard-{Guid.NewGuid():N}.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            fill(zip);
        }
        return path;
    }

    [Fact]
    public void Check_HighlyCompressiblePart_IsRefusedBeforeReading()
    {
        // 8 MiB of zeros compresses about 1000:1.
        var path = Zip(z =>
        {
            using var s = z.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            s.Write(new byte[8 * 1024 * 1024]);
        });
        try
        {
            var e = Assert.Throws<UserError>(() => XlsxGuard.Check(path));
            Assert.Contains("压缩比", e.MessageZh, StringComparison.Ordinal);
            Assert.Contains("compression ratio", e.MessageEn, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_TooManyParts_IsRefused()
    {
        var path = Zip(z =>
        {
            for (var i = 0; i < 12; i++)
            {
                z.CreateEntry($"x/{i}.xml");
            }
        });
        try
        {
            Assert.Throws<UserError>(() => XlsxGuard.Check(path, maxEntries: 10));
            XlsxGuard.Check(path, maxEntries: 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_NotAZip_IsAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"guard-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "not a workbook");
        try
        {
            var e = Assert.Throws<UserError>(() => XlsxGuard.Check(path));
            Assert.Contains("not a valid .xlsx", e.MessageEn, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
