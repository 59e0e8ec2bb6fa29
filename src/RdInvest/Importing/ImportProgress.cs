namespace RdInvest.Importing;

/// <summary>The stages an import reports: reading and validating the rows, then writing (merge and log).</summary>
public static class ImportStages
{
    public const string Reading = "reading";
    public const string Writing = "writing";
}

/// <summary>How far an import has come: the rows read so far and its stage.</summary>
public sealed record ImportProgress(long Rows, string Stage)
{
    /// <summary>Rows between two reports while reading.</summary>
    public const int Every = 1000;

    /// <summary>Passes the rows through, reporting the count every <see cref="Every"/> rows and once at the end.</summary>
    public static IEnumerable<SourceRow> Count(IEnumerable<SourceRow> rows, IProgress<ImportProgress>? progress)
    {
        if (progress is null)
        {
            foreach (var r in rows)
            {
                yield return r;
            }
            yield break;
        }
        long n = 0;
        progress.Report(new ImportProgress(0, ImportStages.Reading));
        foreach (var r in rows)
        {
            n++;
            if (n % Every == 0)
            {
                progress.Report(new ImportProgress(n, ImportStages.Reading));
            }
            yield return r;
        }
        progress.Report(new ImportProgress(n, ImportStages.Reading));
    }
}
