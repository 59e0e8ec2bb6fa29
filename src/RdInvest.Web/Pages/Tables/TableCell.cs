namespace RdInvest.Web.Pages.Tables;

/// <summary>
/// A cell: the formatted text, the raw value it sorts and exports by (decimal in the shown unit, text, or null),
/// an optional link, an optional provenance or status badge (Shared/_Badge.cshtml's model), and an optional text on hover
/// (e.g. the exact yuan of a figure shown in 万元).
/// </summary>
public sealed record TableCell(string Text, object? Value = null, string? Href = null, Badge? Badge = null, string? CssClass = null, string? Title = null);
