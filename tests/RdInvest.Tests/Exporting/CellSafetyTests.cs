using System.Data;
using System.Globalization;
using RdInvest.Exporting;
using Xunit;

namespace RdInvest.Tests.Exporting;

public sealed class CellSafetyTests
{
    /// <summary>Every text cell of a table is neutralised, whatever its column; numbers, formatted numbers and nulls stay.</summary>
    [Fact]
    public void NeutraliseText_EveryTextColumn_FormulaLikeCellsPrefixed_NumbersKept()
    {
        using var t = new DataTable { Locale = CultureInfo.InvariantCulture };
        t.Columns.Add("league_city", typeof(string));
        t.Columns.Add("value", typeof(string));
        t.Columns.Add("amount", typeof(decimal));
        t.Rows.Add("=HYPERLINK(\"http://evil\")", "-1,234.50", -5m);
        t.Rows.Add("@SUM(1)", "+1+1", 0m);
        t.Rows.Add("\t-2", DBNull.Value, 1m);
        t.Rows.Add("呼和浩特市", "'=x", 2m);

        CellSafety.NeutraliseText(t);

        Assert.Equal(["'=HYPERLINK(\"http://evil\")", "'@SUM(1)", "'\t-2", "呼和浩特市"], t.Rows.Cast<DataRow>().Select(r => (string)r["league_city"]));
        Assert.Equal("-1,234.50", t.Rows[0]["value"]);
        Assert.Equal("'+1+1", t.Rows[1]["value"]);
        Assert.Equal(DBNull.Value, t.Rows[2]["value"]);
        Assert.Equal("'=x", t.Rows[3]["value"]);
        Assert.Equal(-5m, t.Rows[0]["amount"]);
    }
}
