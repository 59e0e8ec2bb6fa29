namespace RdInvest.Common;

/// <summary>
/// Named points inside operations where a fault test can stop the process deterministically: when
/// <c>RDINVEST_PAUSE_AT</c> names the point, the process writes the file <c>RDINVEST_PAUSE_FILE</c> and waits there
/// until it is killed, or until the test deletes that file (then it goes on: two operations made to overlap).
/// Unset (always, outside tests) it costs one string comparison: the variable is read once per process. A kill proven
/// inside the operation — after the rows are staged, after the merge but before the commit — is what the all-or-nothing
/// promise is tested against. Every point lies inside the operation's transaction.
/// </summary>
public static class PausePoints
{
    public const string AtVariable = "RDINVEST_PAUSE_AT";
    public const string FileVariable = "RDINVEST_PAUSE_FILE";

    /// <summary>An import has staged every row, inside its transaction.</summary>
    public const string ImportStaged = "import.staged";

    /// <summary>An import has merged its rows into the tables; its run log and audit entries are not yet written.</summary>
    public const string ImportRowsMerged = "import.rows-merged";

    /// <summary>An import has merged and audited, its transaction not yet committed.</summary>
    public const string ImportMerged = "import.merged";

    /// <summary>An approval transition has set the county-year's record statuses; the approval row is not yet saved.</summary>
    public const string ApprovalRecords = "approval.records";

    /// <summary>An approval transition is saved and sealed in the audit chain, its transaction not yet committed.</summary>
    public const string ApprovalSealed = "approval.sealed";

    /// <summary>A subsidy round's status is set to approved; its payments are not yet written.</summary>
    public const string RoundStatus = "round.status";

    /// <summary>A subsidy round's approval and payments are written and sealed, its transaction not yet committed.</summary>
    public const string RoundSealed = "round.sealed";

    /// <summary>A notification's row is marked released; its audit entry is not yet written.</summary>
    public const string NotificationUpdated = "notification.updated";

    /// <summary>A notification's release is written and sealed, its transaction not yet committed.</summary>
    public const string NotificationSealed = "notification.sealed";

    /// <summary>A user's lockout is written; the new security stamp and the audit entry are not.</summary>
    public const string UserUpdated = "user.updated";

    /// <summary>A user's disable is written and sealed, its transaction not yet committed.</summary>
    public const string UserSealed = "user.sealed";

    private static readonly string? s_at = Environment.GetEnvironmentVariable(AtVariable);

    public static void Reach(string point)
    {
        if (s_at is null || !string.Equals(s_at, point, StringComparison.Ordinal))
        {
            return;
        }
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } marker)
        {
            Thread.Sleep(Timeout.Infinite);
            return;
        }
        File.WriteAllText(marker, point);
        while (File.Exists(marker))
        {
            Thread.Sleep(50);
        }
    }
}
