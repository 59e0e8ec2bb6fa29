namespace RdInvest.Web.Pages.Tables;

/// <summary>A small badge beside a figure: provenance (公布/汇总/示例/初步) or a target status, with its explanation on hover.</summary>
public sealed record Badge(string Text, string CssClass, string? Title = null);
