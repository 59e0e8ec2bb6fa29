namespace RdInvest.Web.Pages.Tables;

/// <summary>A row of cells; <see cref="Own"/> highlights the reader's own division.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Own = false);
