namespace RdInvest.Testing;

/// <summary>Files of the repository the tests read (documents, data, cases), found from the test binary upwards.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RdInvest.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (RdInvest.slnx) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>A path under the repository root, e.g. <c>Of("data", "im-divisions.csv")</c>.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
