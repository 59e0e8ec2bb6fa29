using RdInvest.Common;
using RdInvest.Exporting;

namespace RdInvest.Importing;

public sealed record WriteTemplateRequest(string Kind, string Out, MoneyUnit Unit = MoneyUnit.TenThousandYuan);

/// <summary>
/// Writes the template of a kind: the Chinese labels with units as headers and one example row, in the
/// column order of the data contract. The template imports as it is (with the same --unit).
/// </summary>
public sealed class WriteTemplateHandler
{
    public Task<string> HandleAsync(WriteTemplateRequest request, CancellationToken ct)
    {
        var kind = ImportKinds.Get(request.Kind);
        var headers = kind.Columns.Select(c => c.HeaderZh(request.Unit)).ToList();
        object?[] example = [.. kind.Columns.Select(c => c.Example.Length == 0 ? null : (object)c.Example)];
        TabularFileWriter.Write(request.Out, headers, [example]);
        return Task.FromResult(request.Out);
    }
}
