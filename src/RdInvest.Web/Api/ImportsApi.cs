using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Importing;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>
/// File imports through the same pipeline as `rdinvest import`: upload → validation report (every rejected row)
/// → commit in one transaction, or nothing with ?dry_run=true. Region roles import any kind; county and city officers
/// import rd, units and certifications of their own divisions (ScopeService.ImportDivisionsAsync: another kind is 403,
/// a row outside the scope an <c>outside-scope</c> finding that rejects the file, 422); park administrators import
/// park-figures and units of their own park (a row of another park: <c>outside-park</c>, 422).
/// </summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/imports").WithTags("imports").RequireRoles(Roles.Importers);
        g.MapPost("/{kind}", Import).DisableAntiforgery()
            .WithSummary("导入文件（CSV/XLSX，≤ 50 MB），返回校验报告；有错误则不写入数据（422，仅记入导入日志）；旗县、盟市工作人员仅可导入本辖区的 rd、units、certifications / import a file; the validation report; no data written on any error (422; the run is logged); county and city officers import rd, units and certifications of their own divisions only; park administrators park-figures and units of their own park only");
        g.MapGet("/templates/{kind}", Template).WithSummary("下载导入模板（.xlsx 或 ?format=csv）/ download the import template");
        return g;
    }

    public static async Task<Results<Ok<ImportResult>, UnprocessableEntity<ImportResult>>> Import(string kind, IFormFile file, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dry_run")] bool? dryRun, [AsParameters] ApiServices s)
    {
        var fileName = Imports.ImportJobs.SafeName(file.FileName);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx"))
        {
            throw new Common.UserError($"不支持的文件类型 {ext}（应为 .csv 或 .xlsx）", $"unsupported file type {ext} (use .csv or .xlsx)");
        }
        var name = ImportKinds.Get(kind).Name;
        var scope = await s.Api.Scope.ImportDivisionsAsync(name, s.Api.Ct);
        var park = s.Api.Scope.ImportPark(name);
        var institution = s.Api.Scope.ImportInstitution(name);
        var dir = Directory.CreateTempSubdirectory("rdinvest-upload-");
        try
        {
            // Keep the uploaded name (made safe: no folder, no control character, not too long): the audit log records it
            // with the file's SHA-256.
            var path = Path.Combine(dir.FullName, fileName);
            await using (var f = File.Create(path))
            {
                await file.CopyToAsync(f, s.Api.Ct);
            }
            var result = await new ImportFileHandler(s.Api.Db, s.Api.Clock)
                .HandleAsync(new ImportRequest(kind, path, DryRun: dryRun ?? false, User: s.Api.User.Name, Scope: scope, Park: park) { Institution = institution }, s.Api.Ct);
            return result.Accepted ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static async Task<FileContentHttpResult> Template(string kind, string? format, [AsParameters] ApiServices s)
    {
        var ext = format == "csv" ? ".csv" : ".xlsx";
        var dir = Directory.CreateTempSubdirectory("rdinvest-template-");
        try
        {
            var path = Path.Combine(dir.FullName, kind + ext);
            await new WriteTemplateHandler().HandleAsync(new WriteTemplateRequest(kind, path), s.Api.Ct);
            var bytes = await File.ReadAllBytesAsync(path, s.Api.Ct);
            return TypedResults.File(bytes, ext == ".csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind + ext);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
