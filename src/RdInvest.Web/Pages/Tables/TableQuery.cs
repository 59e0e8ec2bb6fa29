using Microsoft.AspNetCore.Mvc;

namespace RdInvest.Web.Pages.Tables;

/// <summary>The table state in the URL: ?sort=&amp;desc=&amp;q=&amp;page= (bound with [BindProperty(SupportsGet = true)] or [FromQuery]).</summary>
public sealed class TableQuery
{
    public const int PageSize = 25;

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "desc")]
    public bool Desc { get; set; }

    [FromQuery(Name = "q")]
    public string? Filter { get; set; }

    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;
}
