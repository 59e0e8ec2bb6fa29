namespace RdInvest.Web.Pages.Tables;

/// <summary>
/// A cell: the formatted text, the raw value it sorts and exports by (decimal in the shown unit, text, or null),
/// an optional link, and an optional provenance or status badge (Shared/_Badge.cshtml's model).
/// </summary>
public sealed record TableCell(string Text, object? Value = null, string? Href = null, Badge? Badge = null, string? CssClass = null);
