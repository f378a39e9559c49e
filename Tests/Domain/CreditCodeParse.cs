using Lab.Domain.Enterprises;

namespace Tests.Domain;

public class CreditCodeParse
{
    private const string Body = "91330106MA27XY5P1";

    private static string ValidCode(string first17 = Body) => first17 + CreditCode.CheckCharacter(first17);

    [Fact]
    public void CodeBuiltWithItsCheckCharacterParses()
    {
        var text = ValidCode();

        Assert.Equal(text, CreditCode.Parse(text).Value);
        Assert.True(CreditCode.TryParse(text, out var code, out var error));
        Assert.Equal(text, code!.ToString());
        Assert.Null(error);
    }

    [Fact]
    public void KnownRealCodeIsValid()
    {
        Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));
        Assert.Equal("91350100M000100Y43", CreditCode.Parse("91350100M000100Y43").Value);
    }

    [Fact]
    public void EveryWrongCheckCharacterIsRefused()
    {
        var right = CreditCode.CheckCharacter(Body);
        foreach (var wrong in CreditCode.Alphabet.Where(c => c != right))
        {
            Assert.False(CreditCode.TryParse(Body + wrong, out var code, out var error));
            Assert.Null(code);
            Assert.Equal("check", error);
        }
        Expect.Refusal("credit-code-check", () => CreditCode.Parse(Body + (right == '0' ? '1' : '0')));
    }

    [Fact]
    public void EverySingleCharacterTypoIsRefused()
    {
        var valid = ValidCode();
        for (var i = 0; i < valid.Length; i++)
        {
            foreach (var c in CreditCode.Alphabet.Where(c => c != valid[i]))
            {
                var typo = valid[..i] + c + valid[(i + 1)..];
                Assert.False(CreditCode.TryParse(typo, out _, out _), typo);
            }
        }
    }

    [Fact]
    public void EverySwapOfNeighbouringCharactersIsRefused()
    {
        var valid = ValidCode();
        for (var i = 0; i < valid.Length - 1; i++)
        {
            if (valid[i] == valid[i + 1]) continue;
            var swapped = valid[..i] + valid[i + 1] + valid[i] + valid[(i + 2)..];
            Assert.False(CreditCode.TryParse(swapped, out _, out _), swapped);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("91330106MA27XY5P")]
    [InlineData("91330106MA27XY5P1")]
    [InlineData("91330106MA27XY5P1AB")]
    public void WrongLengthIsRefused(string text)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal("length", error);
        Expect.Refusal("credit-code-length", () => CreditCode.Parse(text));
    }

    [Fact]
    public void MissingTextIsRefusedAsWrongLength() =>
        Expect.Refusal("credit-code-length", () => CreditCode.Parse(null));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('i')]
    [InlineData('-')]
    public void LettersOutsideTheAlphabetAreRefused(char forbidden)
    {
        var text = ValidCode()[..9] + forbidden + ValidCode()[10..];

        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal("character", error);
        Expect.Refusal("credit-code-character", () => CreditCode.Parse(text));
    }

    [Fact]
    public void LowerCaseAndSpacesAreAccepted()
    {
        var valid = ValidCode();
        var typed = " " + string.Join(" ", valid.ToLowerInvariant().Chunk(4).Select(c => new string(c))) + " ";

        Assert.Equal(valid, CreditCode.Parse(typed).Value);
    }

    [Fact]
    public void CheckCharacterNeedsSeventeenCharactersOfTheAlphabet()
    {
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("9133010"));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91330106MA27XY5PI"));
    }
}
