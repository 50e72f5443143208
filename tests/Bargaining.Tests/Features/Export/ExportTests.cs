using System.Globalization;
using Bargaining.Domain;
using Bargaining.Features.Export;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Features.Progress;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bargaining.Tests.Features.Export;

/// <summary>Exports on <see cref="ProgressScenario"/>, read back with OpenXml and CsvHelper.</summary>
public sealed class ExportTests : ProgressScenario
{
    [Fact]
    public async Task The_city_dashboard_exports_to_xlsx_with_numbers_as_numbers_and_the_totals_last()
    {
        await ScenarioAsync();
        var dashboard = await Host.SendAsync(new Bargaining.Features.Progress.CityDashboardQuery(Campaign), City);

        var file = await Host.SendAsync(new ExportCityDashboardQuery(Campaign, ExportFormat.Xlsx), City);

        Assert.Equal(("2026年春季集中要约行动_全市汇总.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (file.FileName, file.ContentType));
        var (sheet, rows) = ReadXlsx(file.Content);
        Assert.Equal("2026年春季集中要约行动_全市汇总", sheet);
        Assert.Equal(["排名", "单位", "类别", "参加行动", "企业数", "职工数", "要约", "回应", "进入协商", "签订", "报送审查", "生效"], rows[0].Take(12).Select(c => c.Text));
        Assert.Equal("要约率(%)（目标90）", rows[0][12].Text);
        Assert.Equal(dashboard.Rows.Count + 2, rows.Count);
        var yandu = rows[1];
        Assert.Equal(("1", "盐都区总工会", "县级", "是"), (yandu[0].Text, yandu[1].Text, yandu[2].Text, yandu[3].Text));
        Assert.Equal(["9", "930", "9", "7", "6", "5", "4", "3", "100", "是", "55.6"], yandu.Skip(4).Take(11).Select(c => c.Text));
        Assert.All(yandu.Skip(4).Take(8), c => Assert.True(c.IsNumber, $"{c.Text} is not a number"));
        Assert.Equal([5.67m, 6m, 1m], yandu.Skip(18).Select(c => decimal.Parse(c.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(("", "合计（参加单位）", "全市"), (rows[^1][0].Text, rows[^1][1].Text, rows[^1][2].Text));
    }

    [Fact]
    public async Task The_city_dashboard_exports_to_a_csv_with_a_byte_order_mark_for_excel()
    {
        await ScenarioAsync();

        var file = await Host.SendAsync(new ExportCityDashboardQuery(Campaign, ExportFormat.Csv), City);

        Assert.Equal(("2026年春季集中要约行动_全市汇总.csv", "text/csv; charset=utf-8"), (file.FileName, file.ContentType));
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content.Take(3));
        var rows = ReadCsv(file.Content);
        Assert.Equal("排名", rows[0][0]);
        Assert.Equal(["1", "盐都区总工会", "县级", "是", "9", "930", "9", "7", "6", "5", "4", "3"], rows[1].Take(12));
        Assert.Equal("合计（参加单位）", rows[^1][1]);
    }

    [Fact]
    public async Task A_county_exports_its_enterprise_list_with_every_page_and_its_filters()
    {
        await ScenarioAsync();

        var xlsx = ReadXlsx((await Host.SendAsync(new ExportEnterpriseListQuery(new EnterpriseListQuery { PageSize = 2 }, ExportFormat.Xlsx), YanduStaff)).Content).Rows;
        var overdue = ReadCsv((await Host.SendAsync(new ExportEnterpriseListQuery(new EnterpriseListQuery { OverdueOnly = true }, ExportFormat.Csv), YanduStaff)).Content);

        Assert.Equal(10, xlsx.Count);
        Assert.Equal(["企业名称", "统一社会信用代码", "所属单位", "行业", "职工人数", "规模", "集体协商指导员", "最近一轮协商阶段", "当前环节", "期限", "逾期天数"], xlsx[0].Select(c => c.Text));
        Assert.Contains(xlsx, r => r[0].Text == "盐城恒达精密机械有限公司" && r[4].Text == "320" && r[4].IsNumber && r[5].Text == "300至999人" && r[7].Text == "已生效");
        var silent = Assert.Single(overdue.Skip(1));
        Assert.Equal(("盐城沉默五金有限公司", "已要约", "企业方逾期未回应，上级工会督办", SilentLastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (silent[0], silent[7], silent[8], silent[9]));
        Assert.Equal((new DateOnly(2026, 3, 25).DayNumber - SilentLastDay.DayNumber).ToString(CultureInfo.InvariantCulture), silent[10]);
    }

    [Fact]
    public async Task A_filtered_enterprise_export_holds_exactly_the_rows_of_the_lists_pages_in_their_order()
    {
        // The export of a list filtered by where the round stands is found from the summaries, the pages by walking the
        // enterprises by name: both must give the same rows.
        await ScenarioAsync();
        var filters = Enum.GetValues<RoundStage>().Select(s => new EnterpriseListQuery { Stage = s })
            .Append(new EnterpriseListQuery { OverdueOnly = true })
            .Append(new EnterpriseListQuery { Stage = RoundStage.Effective, Search = "盐城" })
            .Append(new EnterpriseListQuery { Stage = RoundStage.Effective, Size = SizeBand.From300To999 });

        foreach (var (filter, user) in filters.SelectMany(f => new[] { (f, YanduStaff), (f, City) }))
        {
            var paged = new List<string>();
            for (var page = 1; ; page++)
            {
                var list = await Host.SendAsync(filter with { Page = page, PageSize = 2 }, user);
                paged.AddRange(list.Rows.Select(r => string.Join("|", r.Name, r.StageName, r.Step, r.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.DaysLate?.ToString(CultureInfo.InvariantCulture), r.InstructorName)));
                if (page * 2 >= list.Total) break;
            }
            var exported = ReadCsv((await Host.SendAsync(new ExportEnterpriseListQuery(filter, ExportFormat.Csv), user)).Content).Skip(1)
                .Select(r => string.Join("|", r[0], r[7], r[8], r[9], r[10], r[6])).ToList();

            Assert.Equal(paged, exported);
        }
    }

    [Fact]
    public async Task The_round_list_exports_with_who_must_act_next()
    {
        await ScenarioAsync();

        var rows = ReadCsv((await Host.SendAsync(new ExportRoundListQuery(new RoundListQuery { Search = "飞跃" }, ExportFormat.Csv), YanduStaff)).Content);
        var all = ReadXlsx((await Host.SendAsync(new ExportRoundListQuery(new RoundListQuery(), ExportFormat.Xlsx), City)).Content).Rows;

        Assert.Equal(["企业", "所属单位", "合同类别", "协商阶段", "当前环节", "期限", "逾期天数", "待办方", "发起时间"], rows[0]);
        Assert.Equal(["盐城飞跃汽配有限公司", "盐都区总工会", "工资专项集体合同", "已报送", "劳动保障行政部门审查", "2026-04-09", "", "劳动保障行政部门（审查）"], rows[1].Take(8));
        Assert.StartsWith("2026-03-25 ", rows[1][8]);
        Assert.Equal(11, all.Count);
    }

    [Fact]
    public void A_text_a_spreadsheet_would_run_as_a_formula_is_written_as_text_in_csv_and_numbers_stay_numbers()
    {
        var table = new ExportTable("t", ["企业", "增幅"], [["=HYPERLINK(\"http://evil.example\",\"点此\")", -1.5m], ["+1-2", 3], ["@SUM(A1)", 0], ["盐城恒达", 6]]);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(TableWriter.Csv(table))), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).Values.Select(v => (string)v).ToArray()).ToList();

        Assert.Equal(["'=HYPERLINK(\"http://evil.example\",\"点此\")", "'+1-2", "'@SUM(A1)", "盐城恒达"], rows.Select(r => r[0]));
        Assert.Equal(["-1.5", "3", "0", "6"], rows.Select(r => r[1]));
    }

    [Fact]
    public void A_large_table_reads_back_from_xlsx_cell_for_cell_as_a_valid_workbook()
    {
        var started = new DateTimeOffset(2026, 3, 25, 9, 30, 0, TimeSpan.FromHours(8));
        var table = new ExportTable("集体协商名单/东台", ["企业", "职工人数", "增幅", "期限", "发起时间", "逾期", "备注"],
            [.. Enumerable.Range(0, 5000).Select(i => (IReadOnlyList<object?>)[$"盐城恒达精密机械有限公司（{i}）", 20 + i, i * 0.25m, new DateOnly(2026, 4, 9).AddDays(i % 90),
                started.AddMinutes(i), i % 2 == 0, i % 7 == 0 ? null : i % 5 == 0 ? "=HYPERLINK(\"http://evil.example\",\"点此\") <a> & \"b\"" : "工资专项"])]);

        var content = TableWriter.Xlsx(table);

        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var (sheet, rows) = ReadXlsx(content);
        Assert.Equal("集体协商名单东台", sheet);
        Assert.Equal(5001, rows.Count);
        Assert.Equal(table.Columns, rows[0].Select(c => c.Text));
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var (expected, row) = (table.Rows[i], rows[i + 1]);
            Assert.Equal(((string)expected[0]!, false), (row[0].Text, row[0].IsNumber));
            Assert.Equal(((int)expected[1]!).ToString(CultureInfo.InvariantCulture), row[1].Text);
            Assert.Equal((decimal)expected[2]!, decimal.Parse(row[2].Text, CultureInfo.InvariantCulture));
            Assert.Equal(((DateOnly)expected[3]!).ToDateTime(TimeOnly.MinValue), DateTime.FromOADate(double.Parse(row[3].Text, CultureInfo.InvariantCulture)));
            Assert.Equal(((DateTimeOffset)expected[4]!).DateTime, DateTime.FromOADate(double.Parse(row[4].Text, CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1));
            Assert.Equal((bool)expected[5]! ? "是" : "否", row[5].Text);
            Assert.Equal((string?)expected[6] ?? "", row[6].Text);
            Assert.True(row.Skip(1).Take(4).All(c => c.IsNumber) && !row[5].IsNumber);
        }
        var worksheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        // A text that starts with = is a text, never a formula.
        Assert.Empty(worksheet.Worksheet.Descendants<CellFormula>());
        Assert.Equal(PaneStateValues.Frozen, worksheet.Worksheet.Descendants<Pane>().Single().State!.Value);
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        Assert.All(worksheet.Worksheet.Descendants<Row>().First().Elements<Cell>(), c => Assert.Equal(1u, formats[(int)c.StyleIndex!.Value].FontId!.Value));
        Assert.NotNull(styles.Fonts!.Elements<Font>().ElementAt(1).Bold);
        var dateFormats = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var secondRow = worksheet.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        Assert.Equal(("yyyy-mm-dd", "yyyy-mm-dd hh:mm"), (dateFormats[formats[(int)secondRow[3].StyleIndex!.Value].NumberFormatId!.Value], dateFormats[formats[(int)secondRow[4].StyleIndex!.Value].NumberFormatId!.Value]));
        // Wide enough for the longest text of the column, header included (a Chinese character two columns, a digit 1.1).
        var widths = worksheet.Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(2 + 28 + 4 * 1.1, widths[0], 6);
        Assert.Equal(2 + 8, widths[1], 6);
    }

    [Fact]
    public async Task Dates_in_xlsx_are_excel_dates_not_text()
    {
        await ScenarioAsync();

        var rows = ReadXlsx((await Host.SendAsync(new ExportRoundListQuery(new RoundListQuery { Search = "飞跃" }, ExportFormat.Xlsx), YanduStaff)).Content).Rows;

        var (lastDay, started) = (rows[1][5], rows[1][8]);
        Assert.True(lastDay.IsNumber && started.IsNumber);
        Assert.Equal(new DateTime(2026, 4, 9), DateTime.FromOADate(double.Parse(lastDay.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2026, 3, 25), DateTime.FromOADate(double.Parse(started.Text, CultureInfo.InvariantCulture)).Date);
    }

    [Fact]
    public async Task Exports_are_refused_to_those_who_may_not_see_the_list_and_for_bad_input()
    {
        await ScenarioAsync();

        await RefusedAsync(() => Host.SendAsync(new ExportCityDashboardQuery(Campaign, ExportFormat.Xlsx), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ExportEnterpriseListQuery(new EnterpriseListQuery { OrganisationId = Yandu.Id }, ExportFormat.Csv), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ExportEnterpriseListQuery(new EnterpriseListQuery(), ExportFormat.Csv), Chair), FailureKind.Forbidden);
        var format = await RefusedAsync(() => Host.SendAsync(new ExportCityDashboardQuery(Campaign, (ExportFormat)9), City), FailureKind.Validation);
        Assert.Contains("导出格式应为 xlsx 或 csv", format.Message);
        var search = await RefusedAsync(() => Host.SendAsync(new ExportRoundListQuery(new RoundListQuery { Search = new string('企', 101) }, ExportFormat.Csv), YanduStaff), FailureKind.Validation);
        Assert.Contains("企业名称关键字不能超过100个字", search.Message);
        await RefusedAsync(() => Host.SendAsync(new ExportCityDashboardQuery(Guid.NewGuid(), ExportFormat.Csv), City), FailureKind.NotFound);
    }

    private sealed record XlsxCell(string Text, bool IsNumber);

    private static (string Sheet, List<List<XlsxCell>> Rows) ReadXlsx(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
            .Select(c => new XlsxCell(c.InlineString?.InnerText ?? c.CellValue?.Text ?? "", c.DataType?.Value == CellValues.Number)).ToList()).ToList();
        return (sheet.Name!.Value!, rows);
    }

    private static List<string[]> ReadCsv(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record!);
        return rows;
    }
}
