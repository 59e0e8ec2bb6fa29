namespace RdInvest.BrowserTests;

/// <summary>
/// A second web platform over its own demo database for the work pages' tests, which write (imports, approvals,
/// reopening a final county-year): the shared app's figures stay as the reading pages' tests expect them.
/// </summary>
public sealed class WorkPagesApp : IAsyncLifetime
{
    public BrowserApp App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
