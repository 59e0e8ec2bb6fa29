using RdInvest.Importing;

namespace RdInvest.Tests.Importing;

public sealed class DataContractTests
{
    private static string DocPath() => RepoPaths.Of("docs", "data-contract.md");

    /// <summary>Regenerate with RDINVEST_UPDATE_DOCS=1 dotnet test --filter DataContract.</summary>
    [Fact]
    public void DataContract_Document_MatchesTheColumnAndRuleTables()
    {
        var generated = DataContract.Markdown();
        if (Environment.GetEnvironmentVariable("RDINVEST_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath(), generated);
        }
        Assert.Equal(generated, File.ReadAllText(DocPath()));
    }
}
