using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class RequestDraft
{
    [Fact]
    public void NewRequestIsADraftWithoutNumberAndWithDefaultTerms()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.Number);
        Assert.Equal(DecisionRule.SimpleAcceptance, request.DecisionRule);
        Assert.Equal(ReportLanguage.Zh, request.ReportLanguage);
        Assert.Equal(SampleDisposal.Dispose, request.SampleDisposal);
        Assert.Empty(request.Samples);
    }

    [Fact]
    public void RequestNeedsAnEnterprise() =>
        Expect.Refusal("required", () => new TestRequest(0, LabDay.Clerk, LabDay.Now));

    [Fact]
    public void SetTermsRecordsTheAgreementWithNormalizedRecipients()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        request.SetTerms(DecisionRule.GuardBand, Urgency.Urgent, ReportLanguage.Bilingual, SampleDisposal.Return,
            subcontractingAllowed: true, notes: "  Rush  ", reportRecipients: ["QA@Sunny.example", "qa@sunny.example ", "boss@sunny.example"]);

        Assert.Equal((DecisionRule.GuardBand, Urgency.Urgent, ReportLanguage.Bilingual, SampleDisposal.Return, true, "Rush"),
            (request.DecisionRule, request.Urgency, request.ReportLanguage, request.SampleDisposal, request.SubcontractingAllowed, request.Notes));
        Assert.Equal(["qa@sunny.example", "boss@sunny.example"], request.ReportRecipients);
    }

    [Fact]
    public void ProducerIsKeptTrimmedAndCanBeCleared()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        request.SetProducer("  晋江恒达制伞厂 ", " 晋江市池店镇 ");
        Assert.Equal(("晋江恒达制伞厂", "晋江市池店镇"), (request.ProducerName, request.ProducerAddress));

        request.SetProducer(" ", null);
        Assert.Equal((null, null), (request.ProducerName, request.ProducerAddress));
    }

    [Fact]
    public void ProducerAddressAloneIsRefused() =>
        Expect.Refusal("producer-name-required", () => new TestRequest(7, LabDay.Clerk, LabDay.Now).SetProducer(null, "晋江市池店镇"));

    [Fact]
    public void AddSampleAndMethodsBookAnalysesAtTheCatalogTerms()
    {
        var method = new MethodBuilder().Uncertainty(0.1).Priced(88.50m).Build();
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        var sample = request.AddSample(" Umbrella fabric ", " M-1 ", null, " ", 2, null);
        var analysis = request.AddAnalysis(sample, method);

        Assert.Equal("Umbrella fabric", sample.Name);
        Assert.Equal("M-1", sample.Model);
        Assert.Null(sample.Batch);
        Assert.Equal(SampleStatus.Expected, sample.Status);
        Assert.Null(sample.Barcode);
        Assert.Same(analysis, Assert.Single(sample.Analyses));
        Assert.Equal((AnalysisStatus.Pending, "TEX-PH", 1, 88.50m, 0.1), (analysis.Status, analysis.MethodCode, analysis.MethodVersion, analysis.PriceCny, analysis.ExpandedUncertainty));
        Assert.Equal(method.Limit, analysis.Limit);
    }

    [Fact]
    public void BookedAnalysisKeepsItsTermsWhenTheCatalogIsRevised()
    {
        var method = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Draft();

        method.Revise("", 2, SpecLimit.Range(5.0, 7.0), "5～7", "5 to 7", 0.1, confirmed: true);
        method.Reprice(1, 999m, 5);

        var analysis = Assert.Single(request.Analyses);
        Assert.Equal((SpecLimit.Range(4.0, 8.5), 1, 120m, 1), (analysis.Limit, analysis.Precision, analysis.PriceCny, analysis.MethodVersion));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void SampleQuantityOutOfRangeIsRefused(int quantity) =>
        Expect.Refusal("sample-quantity", () => new TestRequest(7, LabDay.Clerk, LabDay.Now).AddSample("Fabric", null, null, null, quantity, null));

    [Fact]
    public void SampleWithoutNameIsRefused() =>
        Expect.Refusal("required", () => new TestRequest(7, LabDay.Clerk, LabDay.Now).AddSample(" ", null, null, null, 1, null));

    [Fact]
    public void RequestHoldsAtMostTwoHundredSamples()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);
        for (var i = 0; i < 200; i++) request.AddSample($"Sample {i}", null, null, null, 1, null);

        Expect.Refusal("too-many-samples", () => request.AddSample("One too many", null, null, null, 1, null));
    }

    [Fact]
    public void SameMethodTwiceOnASampleIsRefused()
    {
        var method = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Draft();

        Expect.Refusal("analysis-duplicate", () => request.AddAnalysis(request.Samples[0], method));
    }

    [Fact]
    public void SameMethodOnTwoSamplesIsAllowed()
    {
        var method = new MethodBuilder().Build();

        var request = new RequestBuilder().WithSample("Red", 1, method).WithSample("Blue", 1, method).Draft();

        Assert.Equal(2, request.Analyses.Count());
    }

    [Fact]
    public void WithdrawnMethodCannotBeBooked()
    {
        var method = new MethodBuilder().Build();
        method.Withdraw();
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);
        var sample = request.AddSample("Fabric", null, null, null, 1, null);

        Expect.Refusal("method-inactive", () => request.AddAnalysis(sample, method));
        Assert.Empty(sample.Analyses);
    }

    [Fact]
    public void RemoveAnalysisAndSampleTakeThemOffTheDraft()
    {
        var ph = new MethodBuilder().Build();
        var label = MethodBuilder.PassFailInspection();
        var request = new RequestBuilder().WithSample("Red", 1, ph, label).WithSample("Blue", 1, ph).Draft();

        request.RemoveAnalysis(request.Samples[0], "TEX-PH");
        request.RemoveSample(request.Samples[1]);

        var sample = Assert.Single(request.Samples);
        Assert.Equal("Red", sample.Name);
        Assert.Equal("TEX-LABEL", Assert.Single(sample.Analyses).MethodCode);
    }

    [Fact]
    public void RemovingWhatIsNotBookedIsRefused()
    {
        var request = new RequestBuilder().Draft();
        var other = new RequestBuilder().Draft();

        Expect.Refusal("analysis-unknown", () => request.RemoveAnalysis(request.Samples[0], "TEX-NONE"));
        Expect.Refusal("sample-unknown", () => request.RemoveSample(other.Samples[0]));
        Expect.Refusal("sample-unknown", () => request.AddAnalysis(other.Samples[0], MethodBuilder.PassFailInspection()));
    }

    [Fact]
    public void EveryDraftEditIsRefusedAfterSubmission()
    {
        var request = new RequestBuilder().Submitted();
        var sample = request.Samples[0];

        Expect.Refusal("request-not-draft", () => request.SetTerms(DecisionRule.GuardBand, Urgency.Urgent, ReportLanguage.En,
            SampleDisposal.Dispose, false, null, []));
        Expect.Refusal("request-not-draft", () => request.AddSample("Late", null, null, null, 1, null));
        Expect.Refusal("request-not-draft", () => request.RemoveSample(sample));
        Expect.Refusal("request-not-draft", () => request.AddAnalysis(sample, MethodBuilder.PassFailInspection()));
        Expect.Refusal("request-not-draft", () => request.RemoveAnalysis(sample, "TEX-PH"));
        Expect.Refusal("request-not-draft", () => RequestBuilder.Submit(request));

        Assert.Equal(DecisionRule.SimpleAcceptance, request.DecisionRule);
        Assert.Single(request.Samples);
        Assert.Single(sample.Analyses);
    }

    [Fact]
    public void DraftEditsAreRefusedOnceCancelled()
    {
        var request = new RequestBuilder().Draft();
        request.Cancel("Changed our mind", LabDay.Later(1));

        Expect.Refusal("request-not-draft", () => request.AddSample("Late", null, null, null, 1, null));
        Expect.Refusal("request-not-draft", () => RequestBuilder.Submit(request));
    }
}
