namespace RdInvest.Web;
public static class HomePage
{
    public static void MapHomePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Content("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>RdInvest</title><h1>研发投入攻坚行动管理平台</h1>", "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
}
