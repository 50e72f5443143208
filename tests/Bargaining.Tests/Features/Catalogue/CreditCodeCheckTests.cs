using Bargaining.Domain;

namespace Bargaining.Tests.Features.Catalogue;

/// <summary>The quality report's quick check of a credit code agrees with the check that explains the problem.</summary>
public sealed class CreditCodeCheckTests
{
    [Fact]
    public void IsValid_agrees_with_Problem_on_valid_codes_and_on_codes_with_one_character_changed()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ a";
        var random = new Random(20261207);
        for (var n = 0; n < 2000; n++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => alphabet[random.Next(31)]));
            var valid = first17 + CreditCode.CheckCharacter(first17);
            Assert.True(CreditCode.IsValid(valid) && CreditCode.Problem(valid) is null, valid);
            var chars = valid.ToCharArray();
            chars[random.Next(18)] = alphabet[random.Next(alphabet.Length)];
            var changed = new string(chars);
            Assert.Equal(CreditCode.Problem(changed) is null, CreditCode.IsValid(changed));
        }
        Assert.All(new[] { null, "", "91320903", "91320903MA1XY00010X" }, code => Assert.Equal(CreditCode.Problem(code) is null, CreditCode.IsValid(code)));
    }
}
