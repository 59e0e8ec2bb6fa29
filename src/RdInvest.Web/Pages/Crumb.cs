namespace RdInvest.Web.Pages;

/// <summary>One step of the breadcrumb; the last has no link.</summary>
public sealed record Crumb(string Text, string? Href = null);
