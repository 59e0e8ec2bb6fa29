using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Payments;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>
/// The payment register: list it (region roles, finance, auditor) and record a payment by hand (finance). The once-only
/// rules (R1 once per enterprise ever, R2 once per enterprise per year) answer 409 naming the earlier payment. And the
/// payments against their use for R&amp;D (二(一)2): the report of payments whose use is unreported or below the amount, per
/// league/city — the same handler as `rdinvest payments award-use`; readers of subsidy rounds read it.
/// </summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/payments").WithTags("payments");
        g.MapGet("/", List).RequireRoles(Roles.PaymentReaders)
            .WithSummary("奖补发放登记（?rule=&year=&league_city=&credit_code=）/ the payment register");
        g.MapPost("/", Record).RequireRoles(Roles.PaymentRecorders)
            .WithSummary("记录一笔发放（财政）；一次性规则重复发放则 409 / record a payment (finance); 409 when a once-only rule was paid already");
        g.MapGet("/award-use", AwardUse).RequireRoles(Roles.SubsidyReaders)
            .WithSummary("奖励资金用于研发：未报告或低于发放额的发放记录及各盟市合计（?year=&rule=；?format=xlsx 或 csv 下载）/ payments whose R&D use is unreported or below the amount, per league/city (?format=xlsx|csv to download)");
        return g;
    }

    public static async Task<Ok<IReadOnlyList<PaymentRegisterRow>>> List(string? rule, int? year, [FromQuery(Name = "league_city")] string? leagueCity,
        [FromQuery(Name = "credit_code")] string? creditCode, [AsParameters] ApiServices s) =>
        TypedResults.Ok(await new PaymentRegisterHandler(s.Api.Db).ListAsync(new PaymentQuery(creditCode, rule, year, leagueCity), s.Api.Ct));

    public static async Task<Results<Created<PaymentView>, ProblemHttpResult>> Record(PaymentInput request, [AsParameters] ApiServices s)
    {
        try
        {
            var view = await new PaymentHandler(s.Api.Db, s.Api.Clock).RecordAsync(request, s.Api.Actor, s.Api.Ct);
            return TypedResults.Created(
                $"/api/v1/payments?credit_code={Uri.EscapeDataString(view.CreditCode)}&rule={view.Rule}&year={view.Year.ToString(CultureInfo.InvariantCulture)}", view);
        }
        catch (PaymentFieldError e)
        {
            return ApiProblems.Of(s.Api.Http, StatusCodes.Status422UnprocessableEntity, e, e.Field);
        }
        catch (UserError e) when (ApiProblems.Known(s.Api.Http, e) is { } problem)
        {
            return problem;
        }
    }

    public static async Task<Results<Ok<AwardUseReport>, FileContentHttpResult>> AwardUse(int? year, string? rule, string? format, [AsParameters] ApiServices s)
    {
        var report = await new AwardUseReportHandler(s.Api.Db).HandleAsync(new AwardUseReportRequest(year, rule), s.Api.Ct);
        if (format is not ("xlsx" or "csv"))
        {
            return TypedResults.Ok(report);
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-award-use-");
        try
        {
            var name = "award-use." + format;
            var path = Path.Combine(dir.FullName, name);
            AwardUseReportHandler.Write(path, report);
            var bytes = await File.ReadAllBytesAsync(path, s.Api.Ct);
            return TypedResults.File(bytes, format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
