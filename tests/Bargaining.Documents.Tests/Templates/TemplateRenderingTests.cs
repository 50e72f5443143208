using System.Text.RegularExpressions;
using Bargaining.Documents.Printing;

namespace Bargaining.Documents.Tests.Templates;

/// <summary>Every document of a round prints from its template, with the data in it and no Markdown left over.</summary>
public partial class TemplateRenderingTests
{
    public static TheoryData<string> Documents => ["offer-letter", "response", "meeting-minutes", "congress-resolution", "filing-form", "redline"];

    public static TheoryData<ContractKind> Kinds => new(Enum.GetValues<ContractKind>());

    private static Rendered Print(string document) => Printed.Of(output => document switch
    {
        "offer-letter" => Printed.Printer().PrintOfferLetter(RoundData.OfferLetter, output),
        "response" => Printed.Printer().PrintResponse(RoundData.Response, output),
        "meeting-minutes" => Printed.Printer().PrintMeetingMinutes(RoundData.Minutes, output),
        "congress-resolution" => Printed.Printer().PrintCongressResolution(RoundData.Resolution, output),
        "filing-form" => Printed.Printer().PrintFilingForm(RoundData.Contract(ContractKind.Wage), output),
        "redline" => Printed.Printer().PrintRedline(RoundData.Redline, output),
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    }, document);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_of_a_round_prints_its_data_with_no_markup_left(string document)
    {
        var rendered = Print(document);
        var text = TextLines.Squeeze(Poppler.Text(rendered.Path));

        Assert.True(rendered.Result.IsComplete, string.Join(" ", rendered.Result.MissingCharacters));
        Assert.DoesNotMatch(Markup(), text);
        Assert.Contains(document switch { "congress-resolution" => "第三届职工代表大会第五次会议", "response" => "张堃", "redline" => "职工年平均工资增长〔删：6〕【8】%", _ => "王昇" }, text);
    }

    [Fact]
    public void The_change_agreement_prints_each_article_before_and_after_and_its_own_verification_code()
    {
        var path = Rendered.NewFile(nameof(The_change_agreement_prints_each_article_before_and_after_and_its_own_verification_code));
        PrintedContract printed;
        using (var file = File.Create(path)) printed = Printed.Printer().PrintChangeAgreement(RoundData.ChangeAgreement, file);
        var text = TextLines.Squeeze(Poppler.Text(path));

        Assert.True(printed.Printed);
        Assert.DoesNotMatch(Markup(), text);
        Assert.Contains("集体合同变更协议", text);
        Assert.Contains("原条款：职工年平均工资增长6%", text);
        Assert.Contains("变更为：职工年平均工资增长8%", text);
        Assert.Contains("张堃", text);
        Assert.Contains("（已于2026年9月17日生效）", text);
        Assert.Contains("合同验证码：" + printed.Fingerprint.Code, text);
        Assert.NotEqual(Printed.Contract(RoundData.Contract(ContractKind.Wage)).Contract.Fingerprint.Code, printed.Fingerprint.Code);
    }

    [Fact]
    public void A_contract_as_changed_says_which_change_it_includes_and_a_first_contract_does_not()
    {
        var changed = RoundData.Contract(ContractKind.Wage) with { Amendment = "根据2026年9月1日签订的变更协议修订第1条" };
        var first = TextLines.Squeeze(Poppler.Text(Printed.Contract(RoundData.Contract(ContractKind.Wage)).Path));
        var text = TextLines.Squeeze(Poppler.Text(Printed.Contract(changed).Path));

        Assert.Contains("根据2026年9月1日签订的变更协议修订第1条", text);
        Assert.DoesNotContain("变更协议修订", first);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_of_contract_prints_with_parties_chiefs_effect_rule_and_signatures(ContractKind kind)
    {
        var data = RoundData.Contract(kind);
        var (path, printed) = Printed.Contract(data);
        var text = TextLines.Squeeze(Poppler.Text(path));

        Assert.True(printed.Printed);
        Assert.DoesNotMatch(Markup(), text);
        Assert.Contains(data.Employer.Name, text);
        Assert.Contains(data.Union.Name, text);
        Assert.Contains("张堃", text); // the employer's chief, outside GB2312
        Assert.Contains("王昇", text);
        Assert.Contains("十五日内未提出异议的，本合同即行生效", text); // Art 47
        Assert.Contains("本合同一式五份", text);
        Assert.Contains("甲方（盖章）", text);
        Assert.Contains("乙方（盖章）", text);
        Assert.Contains("应到代表180人，实到165人；赞成158票", text);
        Assert.Contains("生效日期2026年5月21日", text);
        Assert.Contains("合同验证码：" + printed.Fingerprint.Code, text);
    }

    [Fact]
    public void The_comprehensive_contract_numbers_its_chapters_and_articles_through_the_whole_text()
    {
        var document = Printed.Templates.Contract(ContractKind.Comprehensive).Render(RoundData.Contract());
        var chapters = document.Blocks.OfType<Chapter>().Select(c => c.Title).ToList();
        var (path, printed) = Printed.Contract(RoundData.Contract());
        var rendered = Rendered.Existing(path, new RenderResult(printed.PageCount, []));
        var text = TextLines.Squeeze(Poppler.Text(path));

        Assert.Equal("总则", chapters[0]);
        Assert.Equal("附则", chapters[^1]);
        Assert.Equal(17, chapters.Count);
        var articles = rendered.BodyLines.Select(l => ArticleLabel().Match(TextLines.Squeeze(l.Text)))
            .Where(m => m.Success).Select(m => m.Value).ToList();
        Assert.Equal(Enumerable.Range(1, articles.Count).Select(ChineseNumerals.Article), articles);
        Assert.True(articles.Count > 50, $"{articles.Count} articles");
        Assert.Contains("第十七章附则", text);
    }

    [Fact]
    public void The_wage_contract_carries_the_figures_and_the_wage_table()
    {
        var data = RoundData.Contract(ContractKind.Wage, wageRows: 12);
        var document = Printed.Templates.Contract(ContractKind.Wage).Render(data);
        var table = document.Blocks.OfType<Table>().Single(t => t.Caption?.Contains("岗位月基本工资标准") == true);

        Assert.Equal(["岗位等级", "岗　位", "月基本工资（元）", "调整幅度"], table.Columns.Select(c => c.Header));
        Assert.Equal(12, table.Rows.Count);
        Assert.Equal(["一级", "水质检测", "3180", "7%"], table.Rows[0]);
        Assert.Equal(CellAlignment.Right, table.Columns[2].Alignment);
        Assert.True(table.Columns[1].Width > table.Columns[0].Width, "the dashes of the delimiter row set the widths");
        var text = TextLines.Squeeze(string.Concat(document.Blocks.OfType<Article>().SelectMany(a => a.Paragraphs).SelectMany(p => p.Spans).Select(s => s.Text)));
        Assert.Contains("在上年度职工月平均工资7850元的基础上增长6%，其中一线职工增长不低于7%", text);
        Assert.Contains("不得低于2900元，且不得低于当地最低工资标准（现为每月2490元）", text);
        Assert.Contains("自双方首席代表签字之日起七日内", text); // wage agreements: 7 days
    }

    [Fact]
    public void A_value_with_Markdown_characters_or_line_breaks_prints_as_written_and_changes_no_structure()
    {
        var data = RoundData.OfferLetter with
        {
            Addressee = "盐城市*星光*电子有限公司 | #1 [分厂]",
            Subject = "2026年度\n工资 **专项** 协商",
            Topics = ["1. 工资", "- 工时", "## 休假"],
        };

        var document = Printed.Templates.OfferLetter.Render(data);
        var text = string.Concat(document.Blocks.OfType<Paragraph>().SelectMany(p => p.Spans).Select(s => s.Text));

        Assert.Contains("盐城市*星光*电子有限公司 | #1 [分厂]：", text);
        Assert.Contains("2026年度 工资 **专项** 协商", text);
        Assert.Contains("（一）1. 工资；", text);
        Assert.Contains("（三）## 休假。", text);
        Assert.Empty(document.Blocks.OfType<Chapter>());
    }

    [Fact]
    public void The_alignment_markers_place_paragraphs_and_a_centred_line_before_a_table_becomes_its_caption()
    {
        var template = TemplateLoader.Parse<OfferLetterData>(
            "# 标题\n\n->{{reference}}\n\n<-{{addressee}}：\n\n正文\n第二行 ab\ncd 第三行。\n\n->（以下无正文）<-\n\n->附表<-\n\n| 甲 | 乙 |\n|:-:|--:|\n| 1 | 2 |\n\n---\n\n```signature\n甲方（盖章）：\n\n{{date}}\n---\n乙方（盖章）：\n```\n",
            "test.md").Template!;

        var blocks = template.Render(RoundData.OfferLetter).Blocks;

        Assert.Equal(TextAlignment.Right, Assert.IsType<Paragraph>(blocks[0]).Alignment);
        Assert.False(((Paragraph)blocks[1]).FirstLineIndent);
        Assert.Equal("盐城市水务集团有限公司：", ((Paragraph)blocks[1]).Spans[0].Text);
        Assert.Equal("正文第二行 ab cd 第三行。", ((Paragraph)blocks[2]).Spans[0].Text);
        Assert.Equal(TextAlignment.Center, ((Paragraph)blocks[3]).Alignment);
        Assert.Equal("附表", Assert.IsType<Table>(blocks[4]).Caption);
        Assert.Equal([CellAlignment.Center, CellAlignment.Right], ((Table)blocks[4]).Columns.Select(c => c.Alignment));
        Assert.IsType<PageBreak>(blocks[5]);
        var signatures = Assert.IsType<SignatureBlock>(blocks[6]);
        Assert.Equal(["甲方（盖章）：", "", "2026年3月2日"], signatures.Parties[0].Lines);
        Assert.Equal(["乙方（盖章）："], signatures.Parties[1].Lines);
    }

    [Fact]
    public void An_article_keeps_the_paragraphs_that_follow_it_and_bold_text_is_emphasised()
    {
        var template = TemplateLoader.Parse<OfferLetterData>(
            "# 标题\n\n## 总则\n\n§ 第一段**要点**。\n\n（一）第一项；\n\n（二）第二项。\n\n§ 下一条。\n\n<-不缩进的段落。\n", "test.md").Template!;

        var blocks = template.Render(RoundData.OfferLetter).Blocks;

        var article = Assert.IsType<Article>(blocks[1]);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal([new TextSpan("第一段"), new TextSpan("要点", Emphasis: true), new TextSpan("。")], article.Paragraphs[0].Spans);
        Assert.IsType<Article>(blocks[2]);
        Assert.IsType<Paragraph>(blocks[3]);
    }

    [Fact]
    public void A_letter_prints_without_running_header_and_signs_in_the_right_half()
    {
        var rendered = Print("offer-letter");
        var lines = rendered.Pages.SelectMany(p => p.Lines).ToList();
        var sender = lines.Last(l => l.Text.StartsWith("要约方（盖章）", StringComparison.Ordinal));

        Assert.Equal("集体协商要约书", rendered.Pages[0].Lines[0].Text);
        Assert.True(sender.XMin >= rendered.Style.TextLeft + rendered.Style.TextWidth / 2 - 0.5, sender.ToString());
    }

    [GeneratedRegex(@"\*\*|§|->|<-|\{\{|\}\}|```|\|")]
    private static partial Regex Markup();

    [GeneratedRegex("^第[一二三四五六七八九十百]+条")]
    private static partial Regex ArticleLabel();
}
