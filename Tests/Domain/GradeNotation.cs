using Lab.Domain.Catalog;

namespace Tests.Domain;

public class GradeNotation
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(2.5, "2-3")]
    [InlineData(3.0, "3")]
    [InlineData(4.5, "4-5")]
    [InlineData(5.0, "5")]
    public void FormatWritesHalfGradesTheChineseWay(double grade, string expected) =>
        Assert.Equal(expected, Grades.Format(grade));

    [Theory]
    [InlineData("2-3", 2.5)]
    [InlineData(" 4-5 ", 4.5)]
    [InlineData("3–4", 3.5)]
    [InlineData("3/4", 3.5)]
    [InlineData("3", 3.0)]
    [InlineData("3.5", 3.5)]
    public void TryParseReadsWholeAndHalfGrades(string text, double expected)
    {
        Assert.True(Grades.TryParse(text, out var grade));
        Assert.Equal(expected, grade);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("2-4")]
    [InlineData("3-2")]
    [InlineData("2-3-4")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void TryParseRefusesWhatIsNotAGrade(string? text) =>
        Assert.False(Grades.TryParse(text, out _));

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    [InlineData(4.5)]
    public void FormattedGradeParsesBackToItself(double grade)
    {
        Assert.True(Grades.TryParse(Grades.Format(grade), out var parsed));
        Assert.Equal(grade, parsed);
    }
}
