using Microsoft.EntityFrameworkCore.Design;

namespace RdInvest.Data;

// Used only by `dotnet ef migrations add`; the connection is never opened when generating migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRdInvestDb>
{
    public SqliteRdInvestDb CreateDbContext(string[] args) =>
        (SqliteRdInvestDb)DbTarget.Parse("Data Source=design.db").CreateContext();
}

internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlRdInvestDb>
{
    public NpgsqlRdInvestDb CreateDbContext(string[] args) =>
        (NpgsqlRdInvestDb)DbTarget.Parse("Host=localhost;Database=rdinvest_design").CreateContext();
}
