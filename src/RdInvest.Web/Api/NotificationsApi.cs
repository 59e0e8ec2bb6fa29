using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Reports;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record DraftNotificationRequest(int Year, string? Plan);

/// <summary>
/// The annual notification (通报): drafts and release by region roles; released notifications are public (list and
/// download without sign-in), drafts are not.
/// </summary>
public static class NotificationsApi
{
    private static readonly string[] s_drafters = [Roles.RegionAdmin, Roles.RegionAnalyst];

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("notifications");
        g.MapGet("/", List).AllowAnonymous().WithSummary("通报列表；未登录只见已发布 / notifications; released only without sign-in");
        g.MapGet("/{id:long}/download", Download).AllowAnonymous()
            .WithSummary("下载已存通报（?format=html|pdf）；草稿需登录 / download the stored notification (?format=html|pdf); drafts need sign-in")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        g.MapPost("/", Draft).RequireRoles(s_drafters).WithSummary("生成或更新草稿 / draft the year's notification")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        g.MapPost("/{id:long}/release", Release).RequireRoles(s_drafters).WithSummary("发布（此后不可更改；再次发布为 409）/ release (immutable afterwards; releasing again is 409)");
        return g;
    }

    private static bool SeesDrafts(HttpContext http) => UserScope.From(http.User) is { } u && u.IsIn(Roles.RegionReaders);

    public static async Task<Ok<IReadOnlyList<NotificationSummary>>> List(HttpContext http, RdInvestDb db) =>
        TypedResults.Ok(await new ListNotificationsHandler(db).HandleAsync(!SeesDrafts(http), http.RequestAborted));

    public static async Task<FileContentHttpResult> Download(long id, string? format, HttpContext http, RdInvestDb db)
    {
        var status = await db.Notifications.AsNoTracking().Where(n => n.Id == id).Select(n => n.Status).FirstOrDefaultAsync(http.RequestAborted);
        if (status is null || (status != NotificationStatuses.Released && !SeesDrafts(http)))
        {
            throw new NotFoundError($"没有通报 {id}", $"no notification {id}");
        }
        var ext = format switch
        {
            null or "html" => ".html",
            "pdf" => ".pdf",
            // The stored notification is its HTML (and the PDF printed from it); a workbook is built from live data by
            // `rdinvest report notification --out FILE.xlsx`, so the download does not offer one.
            _ => throw new UserError($"参数 format：应为 html 或 pdf，而不是 {format}", $"parameter format: must be html or pdf, not {format}", 2),
        };
        var dir = Directory.CreateTempSubdirectory("rdinvest-notification-");
        try
        {
            var path = Path.Combine(dir.FullName, $"notification-{id}{ext}");
            await new ExportNotificationHandler(db).HandleAsync(id, path, http.RequestAborted);
            var type = ext == ".pdf" ? "application/pdf" : "text/html; charset=utf-8";
            return TypedResults.File(await File.ReadAllBytesAsync(path, http.RequestAborted), type, Path.GetFileName(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static async Task<Ok<NotificationResult>> Draft(DraftNotificationRequest request, [AsParameters] ApiServices s)
    {
        var dir = Directory.CreateTempSubdirectory("rdinvest-notification-");
        try
        {
            var result = await new NotificationHandler(s.Api.Db, s.Api.Clock)
                .HandleAsync(new NotificationRequest(request.Year, request.Plan ?? Plans.PlanResolver.DefaultPlan, Path.Combine(dir.FullName, "draft.html")), s.Api.Actor, s.Api.Ct);
            return TypedResults.Ok(result with { OutPath = "" });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static async Task<Ok<NotificationSummary>> Release(long id, [AsParameters] ApiServices s)
    {
        return TypedResults.Ok(await new ReleaseNotificationHandler(s.Api.Db, s.Api.Clock).HandleAsync(id, s.Api.Actor, s.Api.Ct));
    }
}
