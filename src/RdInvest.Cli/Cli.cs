using System.CommandLine;
using System.Text.Json;
using RdInvest.Common;
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

    /// <summary>
    /// Refuses a --year outside the plan's window (<see cref="Bounds"/>, default 2000–2100, RDINVEST_YEARS) as a usage
    /// error (exit 2), before anything is read. Returns the option, so a command adds it where it declares it.
    /// </summary>
    public static Option<T> InPlanYears<T>(this Option<T> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<T>() is int y && !Bounds.IsYear(y))
            {
                r.AddError($"{option.Name} {y}：年份应在 {Bounds.MinYear}–{Bounds.MaxYear} 之内 / {option.Name} {y}: the year must be within {Bounds.MinYear}–{Bounds.MaxYear}");
            }
        });
        return option;
    }

    public static Option<bool> ForceOption() => new("--force") { Description = "覆盖已有的输出文件 / overwrite an existing output file" };

    /// <summary>
    /// The checks before writing --out: its folder must exist (never created silently: a typo would scatter files),
    /// and an existing file is replaced only with --force. Exit code 1.
    /// </summary>
    public static string OutputFile(string path, bool force)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir is null || !Directory.Exists(dir))
        {
            throw new UserError($"输出目录 {dir} 不存在（请先创建）", $"the output folder {dir} does not exist (create it first)");
        }
        if (Directory.Exists(full))
        {
            throw new UserError($"{full} 是一个目录，请给出文件名", $"{full} is a folder; give a file name");
        }
        if (File.Exists(full) && !force)
        {
            throw new UserError($"文件 {full} 已存在；要覆盖请加 --force", $"the file {full} already exists; add --force to overwrite it");
        }
        return full;
    }

    public static DbTarget Target(ParseResult result) => DbTarget.Resolve(result.GetValue(Db));

    public static JsonSerializerOptions JsonOptions => RdInvest.Common.JsonDefaults.Indented;

    /// <summary>Writes the value's JSON and a newline to stdout through one buffer (a round over every enterprise is
    /// hundreds of MB; the console writer would flush on every write).</summary>
    public static void WriteJson<T>(T value)
    {
        Console.Out.Flush();
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        JsonSerializer.Serialize(stdout, value, JsonOptions);
        stdout.WriteByte((byte)'\n');
    }

    public static void Error(string zh, string en)
    {
        Console.Error.WriteLine($"错误：{zh}");
        Console.Error.WriteLine($"Error: {en}");
    }
}
