namespace RdInvest.Web.Pages.Tables;

/// <summary>A column of a <see cref="TableView"/>: its key (for ?sort=), header text, and whether it holds numbers.</summary>
public sealed record TableColumn(string Key, string Header, bool Numeric = false);
