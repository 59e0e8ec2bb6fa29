using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace RdInvest.Plans;

/// <summary>
/// Reads a plan file (YAML, or JSON, which is YAML too) into a <see cref="Plan"/>, checking every field and
/// naming the line of anything wrong. Format: docs/plan-format.md.
/// </summary>
public static class PlanLoader
{
    public const string BuiltInPrefix = "plans/";

    public static Plan Parse(string text, string fileName = "plan.yaml")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new PlanException($"{fileName} 第{e.Start.Line}行：YAML 格式错误：{e.Message}",
                $"{fileName} line {e.Start.Line}: malformed YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PlanException($"{fileName}：文件为空或不是映射", $"{fileName}: empty or not a mapping");
        }
        var r = new Reader(fileName);
        var baseYear = r.Int(root, "base_year");
        var endYear = r.Int(root, "end_year");
        if (endYear <= baseYear)
        {
            throw r.Error(root, "end_year 必须晚于 base_year", "end_year must be after base_year");
        }
        var targets = r.Seq(root, "targets").Select(r.Target).ToList();
        var dup = targets.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw r.Error(root, $"目标 {dup.Key} 重复", $"target {dup.Key} appears twice");
        }
        var plan = new Plan
        {
            Id = r.Str(root, "id"),
            TitleZh = r.Str(root, "title_zh"),
            TitleEn = r.OptStr(root, "title_en"),
            DocumentNumber = r.Str(root, "document_number"),
            Issued = r.OptDate(root, "issued"),
            PeriodStart = r.Date(root, "period_start"),
            PeriodEnd = r.Date(root, "period_end"),
            BaseYear = baseYear,
            EndYear = endYear,
            Source = r.OptStr(root, "source"),
            Targets = targets,
            Assessment = r.Opt(root, "assessment") is YamlMappingNode a ? r.Assessment(a) : null,
            ParkIndex = r.Opt(root, "park_index") is YamlMappingNode p ? r.ParkIndex(p) : null,
            Parameters = r.Opt(root, "parameters") is YamlMappingNode ps ? r.Parameters(ps) : new Dictionary<string, PlanParameter>(),
        };
        Platforms.LeadingIndustries.Validate(plan);
        return plan;
    }

    public static Plan Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));

    /// <summary>The plans shipped inside the library (the repository's plans/ folder).</summary>
    public static IReadOnlyList<(string Name, string Text)> BuiltInFiles()
    {
        var asm = typeof(PlanLoader).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[BuiltInPrefix.Length..], ReadResource(asm, n)))
            .ToList();
    }

    public static Plan BuiltIn(string id) =>
        BuiltInFiles().Select(f => Parse(f.Text, f.Name)).FirstOrDefault(p => p.Id == id)
        ?? throw new PlanException($"没有内置方案 {id}", $"no built-in plan {id}");

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string ReadResource(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(s, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class Reader(string fileName)
    {
        public PlanException Error(YamlNode at, string zh, string en) =>
            new($"{fileName} 第{at.Start.Line}行：{zh}", $"{fileName} line {at.Start.Line}: {en}");

        public YamlNode? Opt(YamlMappingNode m, string key) =>
            m.Children.TryGetValue(new YamlScalarNode(key), out var v) && !(v is YamlScalarNode { Value: null or "" or "~" or "null" }) ? v : null;

        private YamlNode Req(YamlMappingNode m, string key) =>
            Opt(m, key) ?? throw Error(m, $"缺少字段 {key}", $"missing field {key}");

        public string Str(YamlMappingNode m, string key) =>
            Req(m, key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw Error(m, $"字段 {key} 应为文本", $"field {key} must be text");

        public string? OptStr(YamlMappingNode m, string key) =>
            Opt(m, key) is YamlScalarNode s ? s.Value : null;

        public int Int(YamlMappingNode m, string key)
        {
            var n = Req(m, key);
            return n is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v : throw Error(n, $"字段 {key} 应为整数", $"field {key} must be an integer");
        }

        public decimal Dec(YamlNode n, string key) =>
            n is YamlScalarNode { Value: { } s } && ParameterValue.TryParseNumber(s, out var v) && !s.Contains('%', StringComparison.Ordinal)
                ? v : throw Error(n, $"字段 {key} 应为数字", $"field {key} must be a number");

        public decimal? OptDec(YamlMappingNode m, string key) => Opt(m, key) is { } n ? Dec(n, key) : null;

        public DateOnly Date(YamlMappingNode m, string key) => ParseDate(Req(m, key), key);

        public DateOnly? OptDate(YamlMappingNode m, string key) => Opt(m, key) is { } n ? ParseDate(n, key) : null;

        private DateOnly ParseDate(YamlNode n, string key) =>
            n is YamlScalarNode { Value: { } s } && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw Error(n, $"字段 {key} 应为日期 YYYY-MM-DD", $"field {key} must be a date YYYY-MM-DD");

        public IEnumerable<YamlMappingNode> Seq(YamlMappingNode m, string key)
        {
            var n = Req(m, key);
            if (n is not YamlSequenceNode seq)
            {
                throw Error(n, $"字段 {key} 应为列表", $"field {key} must be a list");
            }
            return seq.Children.Select(c => c as YamlMappingNode ?? throw Error(c, $"{key} 的每一项应为映射", $"each item of {key} must be a mapping"));
        }

        private IReadOnlyDictionary<string, decimal>? DecMap(YamlMappingNode m, string key)
        {
            if (Opt(m, key) is not { } n)
            {
                return null;
            }
            if (n is not YamlMappingNode map)
            {
                throw Error(n, $"字段 {key} 应为映射", $"field {key} must be a mapping");
            }
            return map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Dec(kv.Value, key), StringComparer.Ordinal);
        }

        private string OneOf(YamlMappingNode m, string key, IReadOnlyList<string> allowed)
        {
            var v = Str(m, key);
            return allowed.Contains(v) ? v
                : throw Error(m, $"字段 {key} 的值 {v} 不在 {string.Join('|', allowed)} 之中", $"field {key}: {v} is not one of {string.Join('|', allowed)}");
        }

        public PlanTarget Target(YamlMappingNode m)
        {
            var kind = OneOf(m, "kind", TargetKinds.All);
            var t = new PlanTarget
            {
                Id = Str(m, "id"),
                Clause = Str(m, "clause"),
                TitleZh = Str(m, "title_zh"),
                TitleEn = OptStr(m, "title_en"),
                Indicator = Str(m, "indicator"),
                Scope = OneOf(m, "scope", ["region", "league_city", "county", "park"]),
                Kind = kind,
                Value = OptDec(m, "value"),
                Unit = Str(m, "unit"),
                Basis = kind == TargetKinds.Growth ? (OptStr(m, "basis") ?? "base_year") : OptStr(m, "basis"),
                FallbackIndicator = OptStr(m, "fallback_indicator"),
                ValuesByCategory = DecMap(m, "values_by_category"),
                ValuesByDivision = DecMap(m, "values_by_division"),
            };
            if (t.Value is null && t.ValuesByCategory is null)
            {
                throw Error(m, $"目标 {t.Id} 缺少 value 或 values_by_category", $"target {t.Id} needs value or values_by_category");
            }
            return t;
        }

        public AssessmentScheme Assessment(YamlMappingNode m) => new()
        {
            Clause = Str(m, "clause"),
            Criteria = Seq(m, "criteria").Select(c => new AssessmentCriterion
            {
                Id = Str(c, "id"),
                TitleZh = Str(c, "title_zh"),
                TitleEn = OptStr(c, "title_en"),
                Indicator = Str(c, "indicator"),
                Method = OneOf(c, "method", ["pass_fail", "ratio_to_target", "min_max"]),
                MaxPoints = Dec(Req(c, "max_points"), "max_points"),
                Target = OptDec(c, "target"),
                Threshold = OptDec(c, "threshold"),
                Clause = OptStr(c, "clause"),
            }).ToList(),
            Grades = Seq(m, "grades")
                .Select(g => new GradeBand(Dec(Req(g, "min"), "min"), Str(g, "grade_zh"), OptStr(g, "grade_en")))
                .OrderByDescending(g => g.Min).ToList(),
        };

        public ParkIndexScheme ParkIndex(YamlMappingNode m) => new()
        {
            Clause = Str(m, "clause"),
            Normalisation = OneOf(m, "normalisation", ["min_max", "z_score"]),
            Weights = DecMap(m, "weights") ?? throw Error(m, "缺少 weights", "missing weights"),
            SensitivityShift = OptDec(m, "sensitivity_shift") ?? 0.5m,
        };

        public IReadOnlyDictionary<string, PlanParameter> Parameters(YamlMappingNode m)
        {
            var result = new Dictionary<string, PlanParameter>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
            {
                var name = ((YamlScalarNode)k).Value!;
                if (v is not YamlMappingNode p)
                {
                    throw Error(v, $"参数 {name} 应为映射", $"parameter {name} must be a mapping");
                }
                var values = Seq(p, "values").Select(x => new ParameterValue(
                        name,
                        Date(x, "from"),
                        ToJson(Req(x, "value")),
                        Str(x, "clause"),
                        OptStr(x, "default") is "true" or "yes")).OrderBy(x => x.EffectiveFrom).ToList();
                if (values.Count == 0)
                {
                    throw Error(p, $"参数 {name} 没有取值", $"parameter {name} has no values");
                }
                if (values.GroupBy(x => x.EffectiveFrom).Any(g => g.Count() > 1))
                {
                    throw Error(p, $"参数 {name} 同一生效日期有两个取值", $"parameter {name} has two values from the same date");
                }
                result[name] = new PlanParameter
                {
                    Name = name,
                    Unit = OptStr(p, "unit"),
                    DescriptionZh = OptStr(p, "description_zh"),
                    DescriptionEn = OptStr(p, "description_en"),
                    Values = values,
                };
            }
            return result;
        }

        /// <summary>Plain numbers become JSON numbers; quoted or non-numeric scalars stay strings.</summary>
        private static JsonNode ToJson(YamlNode n) => n switch
        {
            YamlScalarNode s when s.Style == YamlDotNet.Core.ScalarStyle.Plain
                && decimal.TryParse(s.Value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            YamlScalarNode { Value: "true" } => JsonValue.Create(true),
            YamlScalarNode { Value: "false" } => JsonValue.Create(false),
            YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
            YamlSequenceNode q => new JsonArray(q.Children.Select(c => (JsonNode?)ToJson(c)).ToArray()),
            YamlMappingNode mm => new JsonObject(mm.Children.Select(kv =>
                KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, (JsonNode?)ToJson(kv.Value)))),
            _ => JsonValue.Create(""),
        };
    }
}
