namespace RdInvest.Indicators;

/// <summary>One reconciled figure as the CLI's <c>reconcile --json</c> and the API's <c>/reconcile/{year}</c> both show it.</summary>
public sealed record ReconcileItemView(string Division, string Name, string Measure, string Unit, decimal Reported, decimal Derived,
    decimal Difference, decimal? DifferencePercent, int Units, int Divisions, bool Flagged);

/// <summary>Reported versus derived figures of a year (二(五)16 quality check): the one JSON shape of every host.</summary>
public sealed record ReconcileView(int Year, decimal TolerancePercent, IReadOnlyList<ReconcileItemView> Items)
{
    public static ReconcileView Of(ReconcileResult r) => new(r.Year, r.TolerancePercent, r.Items.Select(i => new ReconcileItemView(i.Division, i.NameZh,
        i.Measure, i.Unit, i.Reported, i.Derived, i.Difference, i.DifferencePercent, i.Units, i.Divisions, i.Flagged)).ToList());
}
