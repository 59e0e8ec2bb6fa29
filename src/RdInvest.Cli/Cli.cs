using System.CommandLine;
using System.Text.Json;
using RdInvest.Data;

namespace RdInvest.Cli;

/// <summary>Options every command shares, and output helpers. Exit codes: 0 ok, 1 rejected input, 2 usage.</summary>
public static class Cli
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "数据库：文件路径或连接串（Host=… 为 PostgreSQL）/ database: a file path or connection string (Host=… means PostgreSQL); default $RDINVEST_DB or rdinvest.db",
        Recursive = true,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "以 JSON 输出 / print JSON" };

    public static Option<bool> PreliminaryOption() => new("--preliminary")
    {
        Description = "包含未审定数据 / include data not yet finalised (default: final data only)",
    };

    public static DbTarget Target(ParseResult result) => DbTarget.Resolve(result.GetValue(Db));

    public static JsonSerializerOptions JsonOptions => RdInvest.Common.JsonDefaults.Indented;

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static void Error(string zh, string en)
    {
        Console.Error.WriteLine($"错误：{zh}");
        Console.Error.WriteLine($"Error: {en}");
    }
}
