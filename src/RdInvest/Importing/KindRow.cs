namespace RdInvest.Importing;

/// <summary>
/// One row of a kind while it is checked: per column its stored value, its amount in the row's money unit (money,
/// FTE, percent) and the text it came from. The import fills it from a file row, API writes from a request; the
/// kind's rules (<see cref="ImportKind.RowRules"/>, <see cref="SplitChecks"/>) read it and add issues.
/// </summary>
public sealed class KindRow
{
    public KindRow(ImportKind kind, decimal unitFactor = 1m)
    {
        Kind = kind;
        UnitFactor = unitFactor;
        Values = new object?[kind.Columns.Count];
        Amounts = new decimal?[kind.Columns.Count];
        Texts = new string?[kind.Columns.Count];
    }

    public ImportKind Kind { get; }

    /// <summary>Yuan per money unit of the row (1 for API writes, which are in yuan).</summary>
    public decimal UnitFactor { get; }

    public object?[] Values { get; }
    public decimal?[] Amounts { get; }
    public string?[] Texts { get; }
    public List<FieldIssue> Issues { get; } = [];

    public object? Value(string key) => Kind.IndexOf(key) is var k and >= 0 ? Values[k] : null;
    public decimal? Amount(string key) => Kind.IndexOf(key) is var k and >= 0 ? Amounts[k] : null;
    public string? Text(string key) => Kind.IndexOf(key) is var k and >= 0 ? Texts[k] : null;

    public void Set(string key, object? value) => Values[Kind.IndexOf(key)] = value;

    public void Report(ImportRule rule, string key, params object?[] args) => Issues.Add(new(rule, key, Text(key), args));

    /// <summary>Runs the kind's splits and row rules.</summary>
    public void CheckRules()
    {
        SplitChecks.Check(this);
        foreach (var rule in Kind.RowRules)
        {
            rule(this);
        }
    }
}
