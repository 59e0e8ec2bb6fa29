using System.Text;

namespace RdInvest.Common;

/// <summary>A text writer that writes through to another and leaves it open when disposed, so a writer that owns its
/// target (Sylvan's CSV writer) can be used for one block of a longer file.</summary>
public sealed class KeepOpenWriter(TextWriter inner) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

    public override void Write(string? value) => inner.Write(value);

    public override Task WriteAsync(char[] buffer, int index, int count) => inner.WriteAsync(buffer, index, count);

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
