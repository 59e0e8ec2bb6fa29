using System.Text.Json;
using Xunit;

namespace RdInvest.IntegrationTests.Api;

/// <summary>The OpenAPI document describes the body of the view endpoints: a schema with the view's properties, not an untyped object.</summary>
public sealed class OpenApiResponseSchemaTests
{
    [Theory]
    [InlineData("/api/v1/progress/{code}/{year}", "division_name", "targets")]
    [InlineData("/api/v1/assessment/{year}", "clause", "results")]
    [InlineData("/api/v1/parks/evaluation/{year}", "sensitivity_shift", "parks")]
    [InlineData("/api/v1/indicators/{code}/{year}", "data_status", "indicators")]
    [InlineData("/api/v1/subsidy-rounds/preview/{year}", "total_paid", "lines")]
    public async Task OpenApi_DescribesTheOkBody_WithTheViewsProperties(string path, string key, string list)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ApiHost.CreateAsync();
        using var response = await host.Client(null).GetAsync("/openapi/v1.json", ct);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = doc.RootElement;
        var schema = root.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = Resolve(root, schema).GetProperty("properties");
        Assert.True(properties.TryGetProperty(key, out _), $"{path}: no property {key} in {properties}");
        Assert.True(properties.TryGetProperty(list, out _), $"{path}: no property {list} in {properties}");
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }
        var name = reference.GetString()!["#/components/schemas/".Length..];
        return root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
