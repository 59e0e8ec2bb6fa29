using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.Tests.Importing;

/// <summary>Every data row of an import is counted under its unit's league/city and its year (for reporting quality).</summary>
public sealed class ImportAttributionTests
{
    private static readonly string UnitB = CreditCode.Complete("91150202MA0000002");

    [Fact]
    public void Attribution_RowsOfTwoLeagues_CountsRowsErrorRowsAndWarningRowsPerLeagueAndYear()
    {
        var refs = ImportRuleCaseTests.References();
        refs.Units[UnitB] = 3;
        refs.UnitDivisions[UnitB] = "150202";
        var path = Path.Combine(Path.GetTempPath(), $"attribution-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n',
            "credit_code,year,rd_total,revenue",
            "91150102MA0N000010,2023,100,1000",   // row 2: clean, but −83 % on the file's 2022 → rd-jump warning
            "91150102MA0N000010,2022,600,1000",   // row 3: R&D above half of revenue → warning
            $"{UnitB},2023,abc,1000",             // row 4: not a number → error
            $"{UnitB},2022,100,1000",             // row 5: clean
            "91150200MA0R0000AU,2023,100,1000")); // row 6: unknown unit → error, unattributed
        try
        {
            var v = new ImportValidator(ImportKinds.Rd, new ImportOptions(MoneyUnit.TenThousandYuan, false, 2026), refs, "f.csv");
            _ = v.Validate(TableReader.Read(path)).ToList();
            v.Finish();
            Assert.Equal(
            [
                new ImportAttribution("150100", 2022, 1, 0, 1),
                new ImportAttribution("150100", 2023, 1, 0, 1),
                new ImportAttribution("150200", 2022, 1, 0, 0),
                new ImportAttribution("150200", 2023, 1, 1, 0),
                new ImportAttribution(null, 2023, 1, 1, 0),
            ], v.Attribution);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Attribution_UnitsFile_UsesTheRowsOwnDivisionAndNoYear()
    {
        var path = Path.Combine(Path.GetTempPath(), $"attribution-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n',
            "credit_code,name,sector,division_code",
            $"{UnitB},乙,enterprise,150105",
            "91150102MA0N000023,甲,enterprise,15010X"));
        try
        {
            var v = new ImportValidator(ImportKinds.Units, new ImportOptions(MoneyUnit.TenThousandYuan, false, 2026), ImportRuleCaseTests.References(), "u.csv");
            _ = v.Validate(TableReader.Read(path)).ToList();
            v.Finish();
            Assert.Equal([new ImportAttribution("150100", null, 1, 0, 0), new ImportAttribution(null, null, 1, 1, 0)], v.Attribution);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
