using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Indicators;

namespace RdInvest.Web.Pages;

/// <summary>
/// The frame every page shares: `?year=` and `?status=final|preliminary`, the breadcrumb, the as-of date, the
/// years to choose from. A page model sets <see cref="Crumbs"/>, <see cref="AsOf"/> and <see cref="Years"/>.
/// </summary>
public abstract class RdPageModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public IStringLocalizer<SharedResource> T => text;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>Preliminary data (every record, approved or not) only when asked for; official figures otherwise.</summary>
    public bool Preliminary => Status == "preliminary";

    public UserScope? CurrentUser => UserScope.From(User);

    public bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public Format Fmt => new(CultureInfo.CurrentCulture, text);

    public List<Crumb> Crumbs { get; } = [];

    public DateTime? AsOf { get; set; }

    public IReadOnlyList<int> Years { get; set; } = [];

    /// <summary>The year the page shows: `?year=` when it is one of <see cref="Years"/>, else the latest.</summary>
    public int SelectedYear => Year is { } y && (Years.Count == 0 || Years.Contains(y)) ? y : Years.Count > 0 ? Years.Max() : 0;

    /// <summary>False on pages the year and data-status selectors do not apply to (sign-in).</summary>
    public virtual bool ShowSelectors => true;

    /// <summary>Whether the page offers the final/preliminary switch (signed-in pages that read data).</summary>
    public virtual bool ShowStatus => CurrentUser is not null;

    /// <summary>The page's own heading, also the last breadcrumb.</summary>
    public string Title { get; set; } = "";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (Status is not null and not "final" and not "preliminary")
        {
            Status = null;
        }
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>This page's URL with the year and status kept (and changed where given).</summary>
    public string Link(string path, int? year = null, string? status = null)
    {
        var q = new List<string>();
        var y = year ?? Year;
        if (y is { } yy)
        {
            q.Add("year=" + yy.ToString(CultureInfo.InvariantCulture));
        }
        var s = status ?? Status;
        if (s is "preliminary")
        {
            q.Add("status=preliminary");
        }
        return q.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", q);
    }

    /// <summary>The user's scope as the top bar names it (包头市, the region, a park).</summary>
    public string ScopeLabel { get; private set; } = "";

    /// <summary>Loads the frame (years, as-of, scope name); every page handler calls it first.</summary>
    protected async Task LoadFrameAsync(RdInvestDb db, CancellationToken ct)
    {
        var frame = await new PageFrameHandler(db).HandleAsync(Year, CurrentUser, ct);
        Years = frame.Years;
        AsOf = frame.AsOf;
        ScopeLabel = Name(frame.ScopeZh, frame.ScopeEn);
    }

    /// <summary>A division's name in the page's language.</summary>
    public string Name(string zh, string en) => IsEnglish ? en : zh;
}
