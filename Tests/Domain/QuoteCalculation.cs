using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class QuoteCalculation
{
    private static readonly DateOnly Friday = new(2026, 11, 27);

    private static TestRequest Request(Urgency urgency)
    {
        var frame = new MethodBuilder().Code("UMB-FRAME").Priced(300m).TakingDays(2).Build();
        var wind = new MethodBuilder().Code("UMB-WIND").Priced(400m).TakingDays(3).Build();
        var hydro = new MethodBuilder().Code("TEX-HYD").Priced(150.50m).TakingDays(2).Build();
        var request = new RequestBuilder().WithSample("Umbrella", 2, frame, wind).WithSample("Canopy fabric", 5, hydro).Draft();
        request.SetTerms(DecisionRule.SimpleAcceptance, urgency, ReportLanguage.Zh, SampleDisposal.Dispose, false, null, []);
        return request;
    }

    [Fact]
    public void ANormalQuoteListsEachSampleAndMethodAndTakesTheSlowestTurnaround()
    {
        var quote = Quote.For(Request(Urgency.Normal), Friday, WorkingDayCalendar.WeekdaysOnly, PricingTerms.Default);

        Assert.Equal(["UMB-FRAME", "UMB-WIND", "TEX-HYD"], quote.Lines.Select(l => l.MethodCode));
        Assert.Equal(["Umbrella", "Umbrella", "Canopy fabric"], quote.Lines.Select(l => l.SampleName));
        Assert.Equal(850.50m, quote.SubtotalCny);
        Assert.Equal(0m, quote.SurchargeCny);
        Assert.Equal(850.50m, quote.TotalCny);
        Assert.Equal(3, quote.TurnaroundDays);
        Assert.Equal(new DateOnly(2026, 12, 2), quote.DueDate); // Fri + 3 working days = Wed
    }

    [Fact]
    public void AnUrgentQuoteAddsTheSurchargeAndShortensTheTurnaround()
    {
        var quote = Quote.For(Request(Urgency.Urgent), Friday, WorkingDayCalendar.WeekdaysOnly, new PricingTerms(50m, 0.5m));

        Assert.Equal(50m, quote.SurchargePercent);
        Assert.Equal(425.25m, quote.SurchargeCny);
        Assert.Equal(1275.75m, quote.TotalCny);
        Assert.Equal(2, quote.TurnaroundDays); // ceil(3 × 0.5)
        Assert.Equal(new DateOnly(2026, 12, 1), quote.DueDate);
    }

    [Fact]
    public void AnUrgentQuoteNeverPromisesLessThanOneWorkingDay()
    {
        var quote = Quote.For(Request(Urgency.Urgent), Friday, WorkingDayCalendar.WeekdaysOnly, new PricingTerms(100m, 0.1m));

        Assert.Equal(1, quote.TurnaroundDays);
        Assert.Equal(new DateOnly(2026, 11, 30), quote.DueDate); // the Monday
        Assert.Equal(1701m, quote.TotalCny);
    }

    [Fact]
    public void ARequestWithoutTestsHasNoQuote()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        Expect.Refusal("request-no-samples", () => Quote.For(request, Friday, WorkingDayCalendar.WeekdaysOnly, PricingTerms.Default));
    }
}
