using Bargaining.Documents.Verification;

namespace Bargaining.Documents.Tests.Verification;

public class ContractFingerprintTests
{
    private static Document Contract(ContractData? data = null) =>
        Printed.Templates.Contract(ContractKind.Comprehensive).Render(data ?? RoundData.Contract());

    [Fact]
    public void The_code_is_twelve_Crockford_characters_from_the_SHA_256_of_the_versioned_canonical_text()
    {
        var fingerprint = ContractFingerprint.Of(Contract());
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("bargaining-contract/1\n" + fingerprint.CanonicalText));

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", fingerprint.Code);
        Assert.Equal(Convert.ToHexStringLower(hash), fingerprint.Sha256);
        Assert.Equal(VerificationCode.FromHash(hash), fingerprint.Code);
    }

    [Fact]
    public void The_canonical_text_is_the_printed_text_in_reading_order_without_whitespace()
    {
        var canonical = ContractFingerprint.Of(Contract()).CanonicalText;

        Assert.StartsWith("盐城市水务集团有限公司集体合同合同编号：YC-TH-2026-0317甲方（用人单位）：", canonical);
        Assert.Contains("第一章总则第一条为维护职工和甲方的合法权益", canonical);
        Assert.Contains("岗位等级岗位月基本工资（元）调整幅度一级水质检测31807%", canonical);
        Assert.DoesNotContain(" ", canonical);
        Assert.DoesNotContain("　", canonical);
    }

    [Fact]
    public void The_same_contract_gets_the_same_code_whatever_its_layout()
    {
        var document = Contract();
        var relaid = new Document
        {
            Title = document.Title,
            Blocks = document.Blocks.Select(b => b is Paragraph p ? p with { Alignment = TextAlignment.Left, FirstLineIndent = false } : b).ToList(),
        };

        Assert.Equal(ContractFingerprint.Of(document).Code, ContractFingerprint.Of(Contract()).Code);
        Assert.Equal(ContractFingerprint.Of(document).Code, ContractFingerprint.Of(relaid).Code);
    }

    [Fact]
    public void Changing_one_figure_changes_the_code()
    {
        var data = RoundData.Contract();
        var changed = data with { Wages = data.Wages! with { EnterpriseMinimumWage = 2901 } };

        Assert.NotEqual(ContractFingerprint.Of(Contract(data)).Code, ContractFingerprint.Of(Contract(changed)).Code);
    }

    [Theory]
    [InlineData("7kq2-m9xd-4htb", "7KQ2-M9XD-4HTB")]
    [InlineData("7KQ2 M9XD 4HTB", "7KQ2-M9XD-4HTB")]
    [InlineData("7KQ2M9XD4HTB", "7KQ2-M9XD-4HTB")]
    [InlineData("OIL2-M9XD-4HTB", "0112-M9XD-4HTB")] // O reads as 0, I and L as 1
    public void A_typed_code_is_read_leniently(string typed, string code)
    {
        Assert.True(VerificationCode.TryNormalize(typed, out var normal));
        Assert.Equal(code, normal);
    }

    [Theory]
    [InlineData("7KQ2-M9XD")]
    [InlineData("7KQ2-M9XD-4HTU")] // U is not in the alphabet
    [InlineData("")]
    public void What_cannot_be_a_code_is_refused(string typed) =>
        Assert.False(VerificationCode.TryNormalize(typed, out _));
}
