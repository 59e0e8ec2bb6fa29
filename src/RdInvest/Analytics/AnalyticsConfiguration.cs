using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RdInvest.Analytics;

/// <summary>How the analytics tables are stored: keyed for reading one year (or one division-year) in one index range.</summary>
internal sealed class AnalyticsConfiguration :
    IEntityTypeConfiguration<AnalyticsMeasure>, IEntityTypeConfiguration<AnalyticsParkMeasure>, IEntityTypeConfiguration<AnalyticsYear>,
    IEntityTypeConfiguration<AnalyticsStamp>
{
    public void Configure(EntityTypeBuilder<AnalyticsMeasure> e)
    {
        e.ToTable("analytics_measures");
        e.HasKey(x => new { x.Year, x.Preliminary, x.DivisionCode, x.Measure });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Measure).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<AnalyticsParkMeasure> e)
    {
        e.ToTable("analytics_park_measures");
        e.HasKey(x => new { x.Year, x.ParkId, x.Measure });
        e.Property(x => x.ParkId).HasMaxLength(40);
        e.Property(x => x.Measure).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<AnalyticsYear> e)
    {
        e.ToTable("analytics_years");
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.LeadingPrefixes).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<AnalyticsStamp> e)
    {
        e.ToTable("analytics_stamp");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
