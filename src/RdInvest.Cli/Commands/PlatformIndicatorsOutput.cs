using RdInvest.Platforms;

namespace RdInvest.Cli.Commands;

/// <summary>Prints <c>rdinvest indicators --platforms --year Y</c>: one line per division, counts by level and type.</summary>
internal static class PlatformIndicatorsOutput
{
    public static int Print(PlatformIndicators p, bool json)
    {
        if (json)
        {
            Cli.WriteJson(p);
            return 0;
        }
        Console.WriteLine($"{p.Year}年 创新平台 / innovation platforms（二(四)11）；主导产业、优势特色产业 / leading industries: {string.Join(", ", p.LeadingIndustries)}");
        Console.WriteLine($"  {"区划 division",-16} {"合计",5} {string.Join(" ", PlatformLevels.All.Select(l => $"{l,11}"))}  {"主导产业覆盖率 leading share",30}");
        foreach (var d in p.Divisions)
        {
            var share = d.LeadingShare.Value is { } v ? $"{v:0.##}%" : $"—（{d.LeadingShare.ReasonZh} / {d.LeadingShare.Reason}）";
            Console.WriteLine($"  {d.NameZh,-16} {d.Total,5} {string.Join(" ", PlatformLevels.All.Select(l => $"{d.ByLevel[l],11}"))}  {share,30}");
            Console.WriteLine($"  {"",16}       {string.Join("，", PlatformTypes.All.Select((t, i) => $"{PlatformTypes.NamesZh[i]} {d.ByType[t]}"))}");
        }
        return 0;
    }
}
