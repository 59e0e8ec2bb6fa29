using System.Text;
using RdInvest.Common;

namespace RdInvest.Importing;

/// <summary>
/// Renders docs/data-contract.md from the column and rule tables, so the document cannot drift from the
/// code (a unit test compares them).
/// </summary>
public static class DataContract
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line("# Data contract: files in and out");
        Line();
        Line("<!-- Generated from src/RdInvest/Importing/ImportKinds.cs and ImportRules.cs; the test DataContractTests fails when it is stale. -->");
        Line();
        Line("Every kind imports from CSV (UTF-8, UTF-8 with BOM, GB18030/GBK — detected, or `--encoding`) and XLSX");
        Line("(first sheet, or `--sheet`): `rdinvest import KIND FILE [--unit 元|千元|万元|亿元] [--dry-run] [--ignore-unknown] [--report F]`.");
        Line("Headers are the English key or the Chinese label (a unit in brackets after the label, e.g. `R&D经费内部支出(万元)`, is");
        Line("allowed and must match `--unit`); columns in any order; title rows above the header and blank rows are skipped.");
        Line("Money is in the file's unit (`--unit`, default 万元) and stored exactly as integer fen, rounded half away from zero.");
        Line("Numbers may be text, with thousands separators, full-width digits or stray spaces. Booleans: true/false, 1/0, 是/否, Y/N.");
        Line("Dates: 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105 or an Excel date serial.");
        Line("A file imports whole or not at all; re-importing the same file changes nothing; a changed record gets Revision + 1");
        Line("and an audit entry with its old and new values, the actor, the time, and the file's name and SHA-256.");
        Line("`rdinvest import template KIND --out FILE.xlsx|.csv` writes the columns below with one example row;");
        Line("`rdinvest export KIND --out FILE [--year Y] [--division CODE] [--labels zh] [--unit U]` writes what imports back unchanged.");
        Line("Text cells beginning with = + - @, tab or CR are written with a leading apostrophe, which import removes.");
        Line("`loans` and `financing` name institutions (`lender_code`, `guarantor_code`, `institution_code`) that must be imported first;");
        Line("an institution's `parent_code` may name a bank in the same file. A loan's `annual_rate` is a fraction (0.0435) or a percent (4.35%).");
        Line("`export --year` selects certificates by `issued`, loans by `granted_on` and financing events by `date`.");
        Line("`rd` records follow the approval workflow of their county-year: a row of a final county-year is an error");
        Line("(`county-year-final`; a region admin must reopen it), and an inserted or changed record takes the county-year's");
        Line("current status (draft when it has none). `division-figures` rows of a county whose year is final are refused the same");
        Line("way (they keep their own status). Through the API (`POST /api/v1/imports/{kind}`) county and city officers");
        Line($"may import {string.Join(", ", Accounts.ScopeService.OfficerImportKinds.Select(k => $"`{k}`"))} of their own divisions only: a row outside them is an");
        Line("`outside-scope` error; park administrators may import");
        Line($"{string.Join(", ", Accounts.ScopeService.ParkImportKinds.Select(k => $"`{k}`"))} of their own park only: a row naming another park (a unit row must name theirs),");
        Line("or an existing unit of another park, is an `outside-park` error; region roles import every kind. Every import but a dry run, accepted or rejected, is logged");
        Line("(`import_runs`) with its rows, error rows and warning rows per league/city and year, for `rdinvest reporting-quality`.");
        Line();
        Line("Required columns are marked **yes**; key columns (one record per key, in the file and in the database) are marked *key*.");
        foreach (var kind in ImportKinds.All)
        {
            Line();
            Line($"## `{kind.Name}` — {kind.TitleZh} / {kind.TitleEn}");
            Line();
            Line("| key | 中文列名 | unit | required | meaning |");
            Line("|---|---|---|---|---|");
            foreach (var c in kind.Columns)
            {
                var unit = c.Type switch
                {
                    CellType.Money => "--unit (万元)",
                    CellType.Percent => "%",
                    CellType.Rate => "0.0435 or 4.35%",
                    CellType.Fte => "person-years",
                    CellType.Count => "count",
                    CellType.Score => "0–100",
                    CellType.Date => "date",
                    CellType.Bool => "yes/no",
                    CellType.Year => "year",
                    _ => c.Choices is { } ch ? string.Join(" \\| ", ch) : "text",
                };
                var required = c.IsKey ? "**yes**, *key*" : c.Required ? "**yes**" : "";
                Line($"| `{c.Key}` | {c.LabelZh} | {unit} | {required} | {Escape(c.MeaningZh)}; {Escape(c.MeaningEn)} |");
            }
            foreach (var split in kind.Splits)
            {
                Line();
                Line($"{split.NameEn} ({split.NameZh}): {string.Join(" + ", split.PartKeys.Select(k => $"`{k}`"))} = `{split.TotalKey}` within 0.5 % of it or 0.01 in the file's unit.");
            }
        }
        Line();
        Line("## Validation rules");
        Line();
        Line("Each finding has the file, the row number as Excel shows it, the column key, the value, the rule id and a message in Chinese and English.");
        Line("Errors reject the whole file; warnings are reported and the file is written. In messages {0} is the column, {1} the value.");
        Line();
        Line("| rule id | severity | 中文 | English |");
        Line("|---|---|---|---|");
        foreach (var r in ImportRules.All)
        {
            Line($"| `{r.Id}` | {(r.Severity == Severity.Error ? "error" : "warning")} | {Escape(r.MessageZh)} | {Escape(r.MessageEn)} |");
        }
        Line();
        Line($"Years are accepted from {Bounds.DefaultMinYear} (the start of the window set by {Bounds.YearsVariable}, default {Bounds.DefaultMinYear}–{Bounds.DefaultMaxYear}) to next year.");
        Line($"Money is non-negative, exact to the fen (0.01 yuan; finer values are refused, not rounded), and at most {Bounds.MaxUnitMoney:0} yuan per value of a unit " +
            $"(revenue {Bounds.MaxUnitRevenue:0}), {Bounds.MaxFigureMoney:0} yuan per published division or park figure; percentages lie in 0–100 to 0.0001, FTE to 0.01.");
        Line("The same column rules hold for writes through the API, which answer 422 with the findings (field, value, rule id, messages).");
        Line($"At most {ImportValidator.MaxFindings:N0} findings are listed per file.".Replace(",", ",", StringComparison.Ordinal));
        Line($"Money units: {string.Join(", ", Enum.GetValues<MoneyUnit>().Select(Money.UnitLabel))}.");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
