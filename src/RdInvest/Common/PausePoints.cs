namespace RdInvest.Common;

/// <summary>
/// Named points inside long operations where a fault test can stop the process deterministically: when
/// <c>RDINVEST_PAUSE_AT</c> names the point, the process writes the file <c>RDINVEST_PAUSE_FILE</c> and waits there
/// until it is killed. Unset (always, outside tests) it does nothing. A kill proven inside the operation — after the
/// rows are staged, after the merge but before the commit — is what the all-or-nothing promise is tested against.
/// </summary>
public static class PausePoints
{
    public const string AtVariable = "RDINVEST_PAUSE_AT";
    public const string FileVariable = "RDINVEST_PAUSE_FILE";

    /// <summary>An import has staged every row, inside its transaction.</summary>
    public const string ImportStaged = "import.staged";

    /// <summary>An import has merged and audited, its transaction not yet committed.</summary>
    public const string ImportMerged = "import.merged";

    public static void Reach(string point)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(AtVariable), point, StringComparison.Ordinal))
        {
            return;
        }
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } marker)
        {
            File.WriteAllText(marker, point);
        }
        Thread.Sleep(Timeout.Infinite);
    }
}
