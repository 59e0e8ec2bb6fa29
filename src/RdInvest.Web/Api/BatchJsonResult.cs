using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using RdInvest.Calculation;

namespace RdInvest.Web.Api;

/// <summary>
/// A checked batch written to the response as its cases are computed (never held as one document): 200 when every row
/// was accepted, else 422 with the same body and every rejected row in <c>errors</c>. Owns the upload stream it reads.
/// </summary>
public sealed class BatchJsonResult(CalcBatch batch, Stream input) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => batch.Accepted ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            httpContext.Response.StatusCode = StatusCode!.Value;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await batch.WriteJsonAsync(httpContext.Response.Body, indented: false, httpContext.RequestAborted);
        }
        finally
        {
            await input.DisposeAsync();
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(object), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity, typeof(object), ["application/json"]));
    }
}
