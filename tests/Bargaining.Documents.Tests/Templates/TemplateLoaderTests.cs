namespace Bargaining.Documents.Tests.Templates;

/// <summary>A template is refused at load, with file, line and reason, for every kind of mistake an author can make.</summary>
public class TemplateLoaderTests
{
    private const string File = "templates/test.md";

    private static IReadOnlyList<TemplateError> Errors(string source)
    {
        var result = TemplateLoader.Parse<OfferLetterData>(source, File);
        Assert.False(result.Succeeded, "the template was accepted");
        return result.Errors;
    }

    private static TemplateError Single(string source) => Assert.Single(Errors(source));

    [Fact]
    public void Every_real_template_loads()
    {
        var templates = TemplateSet.Load(Repository.Templates);

        Assert.All(TemplateSet.ContractFiles.Keys, kind => Assert.NotNull(templates.Contract(kind)));
        Assert.EndsWith("offer-letter.md", templates.OfferLetter.File);
    }

    [Fact]
    public void A_valid_template_loads_and_renders()
    {
        var result = TemplateLoader.Parse<OfferLetterData>("# 要约书\n\n<-{{addressee}}：\n\n§ 请于{{replyBy}}前回应。\n", File);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var document = result.Template!.Render(RoundData.OfferLetter);
        Assert.Equal("要约书", document.Title);
        Assert.Equal("请于2026年3月23日前回应。", Assert.IsType<Article>(document.Blocks[1]).Paragraphs[0].Spans[0].Text);
    }

    [Fact]
    public void An_unknown_placeholder_is_refused_with_its_line_and_a_suggestion()
    {
        var error = Single("# 要约书\n\n致{{addressee}}：\n\n请{{offeror.chief.nmae}}签字。\n");

        Assert.Equal(File, error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("offeror.chief.nmae", error.Message);
        Assert.Contains("did you mean \"name\"", error.Message);
        Assert.Equal($"{File}:5: {error.Message}", error.ToString());
    }

    [Fact]
    public void A_field_is_looked_up_in_the_item_inside_each_and_not_outside()
    {
        var errors = Errors("# 要约书\n\n{{#each offeror.representatives}}\n{{name}}{{title}}{{addressee}}\n\n{{/each}}\n{{name}}\n");

        Assert.Equal([4, 7], errors.Select(e => e.Line));
        Assert.Contains("\"addressee\"", errors[0].Message);
        Assert.Contains("Person", errors[0].Message);
    }

    [Fact]
    public void Parent_and_root_paths_reach_outside_each()
    {
        var result = TemplateLoader.Parse<OfferLetterData>(
            "# 要约书\n\n{{#each topics}}\n（{{chineseOrdinal @index}}）{{this}}，{{../subject}}，{{@root.addressee}}\n\n{{/each}}\n", File);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_block_left_open_is_reported_where_it_opens()
    {
        var error = Single("# 要约书\n\n{{#each topics}}\n{{this}}\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("{{#each}} is never closed", error.Message);
    }

    [Fact]
    public void A_block_closed_by_the_wrong_tag_is_reported_at_the_closing_tag()
    {
        var error = Single("# 要约书\n\n{{#if reference}}\n{{reference}}\n{{/each}}\n");

        Assert.Equal(5, error.Line);
        Assert.Contains("{{/each}} closes {{#if}} opened on line 3", error.Message);
    }

    [Fact]
    public void Braces_left_open_are_reported()
    {
        var error = Single("# 要约书\n\n致{{addressee：\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("not closed", error.Message);
    }

    [Theory]
    [InlineData("{{#repeat topics}}x{{/repeat}}", "Unknown block {{#repeat}}")]
    [InlineData("{{#}}x{{/}}", "Empty block tag {{#}}")] // threw IndexOutOfRangeException before (found by TemplateLoaderProperties)
    [InlineData("{{upper addressee}}", "Unknown helper \"upper\"")]
    [InlineData("{{{addressee}}}", "unescaped")]
    [InlineData("{{> footer}}", "partials are not supported")]
    [InlineData("{{^topics}}无{{/topics}}", "inverted sections")]
    [InlineData("{{#if reference}}a{{else if date}}b{{/if}}", "{{else if")]
    [InlineData("{{#if reference}}a{{else}}b{{else}}c{{/if}}", "A second {{else}} in the {{#if}} opened on line 3")] // Handlebars threw ArgumentNullException before (found by TemplateLoaderProperties)
    [InlineData("{{#each addressee}}x{{/each}}", "is not a list")]
    [InlineData("{{#with topics}}x{{/with}}", "is not a group of fields")]
    [InlineData("{{offeror}}", "is a group of fields")]
    [InlineData("{{topics}}", "is a list")]
    [InlineData("{{offeror.party.name}}", "single value")]
    [InlineData("{{ordinal @index}}", "outside an {{#each}} block")]
    [InlineData("{{chinese subject}}", "is not a whole number")]
    [InlineData("{{addressee \"x\"}}", "literals")]
    public void Handlebars_outside_the_supported_subset_is_refused(string tag, string reason)
    {
        var error = Errors($"# 要约书\n\n正文{tag}。\n")[0];

        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("正文。\n", 1, "must start with its title")]
    [InlineData("# 要约书\n\n# 又一个标题\n", 3, "Only one title")]
    [InlineData("# 要约书\n\n### 小节\n", 3, "Heading level 3")]
    [InlineData("# 要约书\n\n## 第一章 总则\n", 3, "chapters are numbered automatically; write \"## 总则\"")]
    [InlineData("# 要约书\n\n§ 第一条 为维护合法权益。\n", 3, "Articles are numbered automatically")]
    [InlineData("# 要约书\n\n第三条 为维护合法权益。\n", 3, "start an article with §")]
    [InlineData("# 要约书\n\n1. 工资\n2. 工时\n", 3, "Lists are not supported")]
    [InlineData("# 要约书\n\n正文。\n\n    缩进的段落。\n", 5, "indented by four or more spaces")]
    [InlineData("# 要约书\n\n<div>正文</div>\n", 3, "HTML is not supported")]
    [InlineData("# 要约书\n\n见[附件](a.pdf)。\n", 3, "Links are not supported")]
    [InlineData("# 要约书\n\n```table\nx\n```\n", 3, "Unknown fenced block")]
    [InlineData("# 要约书\n\n甲方**（盖章）：\n", 3, "Unmatched emphasis")]
    [InlineData("# 要约书\n\n　　为维护合法权益。\n", 3, "leading full-width spaces")]
    [InlineData("# 要约书\n\n> 引用\n", 3, "Block quotes")]
    [InlineData("# 要约书\n\n| 甲 | 乙 |\n|--|--|\n| 1 | 2 | 3 |\n", 5, "3 cells but the header has 2")]
    [InlineData("# 要约书\n\n```signature\n甲方\n---\n---\n乙方\n```\n", 3, "has no lines")]
    [InlineData("# 要约书\n\n```signature\n```\n", 3, "has no lines")] // threw ArgumentNullException before (found by TemplateLoaderProperties)
    public void Markdown_outside_the_conventions_is_refused(string source, int line, string reason)
    {
        var error = Errors(source)[0];

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_not_only_the_first()
    {
        var errors = Errors("# 要约书\n\n## 第二章 工资\n\n{{adressee}}：\n\n1. 工资\n\n{{#if reference}}\n");

        Assert.Equal([3, 5, 7, 9], errors.Select(e => e.Line));
    }

    [Fact]
    public void Lines_count_from_the_template_even_after_block_tags_and_comments_on_lines_of_their_own()
    {
        var error = Single("{{!--\n  说明：\n  多行注释\n--}}\n# 要约书\n\n{{#if reference}}\n{{reference}}\n\n{{/if}}\n### 小节\n");

        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var result = TemplateLoader.Load<OfferLetterData>(Path.Combine(Repository.Templates, "no-such-template.md"));

        Assert.Contains("does not exist", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Loading_a_folder_names_every_refused_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("bargaining-templates-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repository.Templates, "*.md")) System.IO.File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            System.IO.File.AppendAllText(Path.Combine(folder, "response.md"), "\n{{responder.chief.phone}}\n");
            System.IO.File.Delete(Path.Combine(folder, "contract-regional.md"));

            var exception = Assert.Throws<TemplateLoadException>(() => TemplateSet.Load(folder));

            Assert.Equal(2, exception.Errors.Count);
            Assert.Contains(exception.Errors, e => e.File.EndsWith("response.md", StringComparison.Ordinal) && e.Line > 0 && e.Message.Contains("phone"));
            Assert.Contains(exception.Errors, e => e.File.EndsWith("contract-regional.md", StringComparison.Ordinal) && e.Message.Contains("does not exist"));
            Assert.Contains("response.md:", exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
