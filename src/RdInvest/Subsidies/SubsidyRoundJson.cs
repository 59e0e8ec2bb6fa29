using System.Text.Json;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>
/// Writes a round as the JSON of <see cref="SubsidyRoundView"/> (same keys, same order, same number and date forms)
/// line by line as the lines are computed, so memory stays flat whatever the number of enterprises. Without
/// <c>explain</c> the per-enterprise keys <c>explanation_zh</c>, <c>explanation_en</c>, <c>r1_explanation_zh</c> and
/// <c>r1_explanation_en</c> are left out (they are most of the text and most of the time); with it every key is there.
/// </summary>
public static class SubsidyRoundJson
{
    public static void Write(Stream output, SubsidyRoundStream round, bool explain, JsonSerializerOptions options)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            SkipValidation = true,
        });
        w.WriteStartObject();
        w.WriteNumber("year", round.Year);
        w.WriteString("date", Date(round.Date));
        Number(w, "budget", round.Budget);
        w.WriteNumber("total_claims", round.TotalClaims);
        w.WriteNumber("total_paid", round.TotalPaid);
        Number(w, "remainder", round.Remainder);
        Number(w, "scale_factor", round.ScaleFactor is { } f ? decimal.Round(f, 10) : null);
        w.WriteNumber("enterprises", round.Enterprises);
        w.WriteNumber("eligible", round.Eligible);
        w.WritePropertyName("lines");
        w.WriteStartArray();
        foreach (var line in round.Lines(explain))
        {
            Line(w, line, explain);
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
        }
        w.WriteEndArray();
        w.WritePropertyName("by_league_city");
        JsonSerializer.Serialize(w, round.ByLeagueCity.Select(SubsidyRoundCityView.Of).ToList(), options);
        w.WritePropertyName("notes_zh");
        JsonSerializer.Serialize(w, round.NotesZh, options);
        w.WritePropertyName("notes_en");
        JsonSerializer.Serialize(w, round.NotesEn, options);
        w.WriteNumber("r1_total_claims", round.R1TotalClaims);
        w.WriteNumber("r1_eligible", round.R1Eligible);
        w.WriteNumber("r1_already_paid", round.R1AlreadyPaid);
        w.WriteNumber("r2_already_paid", round.R2AlreadyPaid);
        w.WritePropertyName("platform_post_subsidy");
        JsonSerializer.Serialize(w, round.Platforms.Select(PlatformRoundLineView.Of).ToList(), options);
        w.WriteNumber("platform_total_claims", round.PlatformTotalClaims);
        w.WriteEndObject();
        w.Flush();
    }

    private static void Line(Utf8JsonWriter w, SubsidyRoundLine l, bool explain)
    {
        var a = l.Applicant;
        w.WriteStartObject();
        w.WriteString("credit_code", a.CreditCode);
        w.WriteString("name", a.Name);
        w.WriteString("league_city_code", a.LeagueCityCode);
        w.WriteString("league_city", a.LeagueCityName);
        w.WriteNumber("rd_prev", a.RdPrev);
        w.WriteNumber("revenue_prev", a.RevenuePrev);
        Number(w, "rd_prev2", a.RdPrev2);
        w.WriteNumber("claim", l.Claim.Amount);
        w.WriteNumber("paid", l.Paid);
        if (explain)
        {
            w.WriteString("explanation_zh", l.ExplanationZh);
            w.WriteString("explanation_en", l.ExplanationEn);
        }
        Number(w, "r2_paid_before", a.R2Paid?.Amount);
        Number(w, "r1_paid_year", a.R1Paid?.Year);
        Number(w, "r1_paid_amount", a.R1Paid?.Amount);
        DateOrNull(w, "r1_paid_on", a.R1Paid?.PaidOn);
        DateOrNull(w, "r1_certified_on", l.R1Certificate?.Issued);
        if (l.R1FirstTime is { } first)
        {
            w.WriteBoolean("r1_first_time", first);
        }
        else
        {
            w.WriteNull("r1_first_time");
        }
        if (l.R1Certificate is { } c)
        {
            w.WriteBoolean("r1_relocated", c.Relocated);
        }
        else
        {
            w.WriteNull("r1_relocated");
        }
        Number(w, "r1_claim", l.R1?.Amount);
        if (explain)
        {
            StringOrNull(w, "r1_explanation_zh", l.R1?.ExplanationZh());
            StringOrNull(w, "r1_explanation_en", l.R1?.ExplanationEn());
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void DateOrNull(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Date(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string Date(DateOnly d) => RuleFormat.Date(d);
}
