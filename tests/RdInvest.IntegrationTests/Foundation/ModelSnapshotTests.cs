using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Foundation;

/// <summary>The model and both migration sets agree: a model change without its two migrations fails here.</summary>
public sealed class ModelSnapshotTests
{
    [Theory]
    [InlineData("Data Source=snapshot-check.db")]
    [InlineData("Host=localhost;Database=snapshot_check")]
    public void Model_EachProvider_HasNoPendingChanges(string connection)
    {
        // Comparing the model with the migrations' snapshot opens no connection.
        using var db = DbTarget.Parse(connection).CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name}: the model differs from the last migration's snapshot");
    }
}
