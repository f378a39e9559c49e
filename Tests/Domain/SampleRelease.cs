using Lab.Domain.Requests;

namespace Tests.Domain;

public class SampleRelease
{
    /// <summary>The builder retains issued samples for 90 days.</summary>
    private static readonly DateTime AfterRetention = LabDay.Now.AddDays(91);

    [Fact]
    public void RetainedSampleIsReturned()
    {
        var request = new RequestBuilder().Issued();
        var sample = request.Samples[0];

        request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(200));

        Assert.Equal(SampleStatus.Returned, sample.Status);
        Assert.Equal((LabDay.Receptionist, LabDay.Later(200)), (sample.ReleasedBy, sample.ReleasedAt!.Value));
    }

    [Fact]
    public void RetainedSampleIsDisposed()
    {
        var request = new RequestBuilder().Issued();
        var sample = request.Samples[0];

        request.DisposeSample(sample, LabDay.Receptionist, AfterRetention);

        Assert.Equal(SampleStatus.Disposed, sample.Status);
    }

    [Fact]
    public void SampleNotYetRetainedCannotBeReleased()
    {
        var submitted = new RequestBuilder().Submitted();
        var received = new RequestBuilder().Received();
        var reviewing = new RequestBuilder().Verified();

        foreach (var request in new[] { submitted, received, reviewing })
        {
            var sample = request.Samples[0];
            var before = sample.Status;
            Expect.Refusal("sample-return", () => request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(200)));
            Expect.Refusal("sample-dispose-of", () => request.DisposeSample(sample, LabDay.Receptionist, LabDay.Later(200)));
            Assert.Equal(before, sample.Status);
        }
    }

    [Fact]
    public void ReleasedSampleCannotBeReleasedAgain()
    {
        var request = new RequestBuilder().Issued();
        var sample = request.Samples[0];
        request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(200));

        Expect.Refusal("sample-return", () => request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(201)));
        Expect.Refusal("sample-dispose-of", () => request.DisposeSample(sample, LabDay.Receptionist, LabDay.Later(201)));
        Assert.Equal(SampleStatus.Returned, sample.Status);
    }

    [Fact]
    public void DisposedSampleCannotBeReturned()
    {
        var request = new RequestBuilder().Issued();
        var sample = request.Samples[0];
        request.DisposeSample(sample, LabDay.Receptionist, AfterRetention);

        Expect.Refusal("sample-return", () => request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(201)));
        Assert.Equal(SampleStatus.Disposed, sample.Status);
    }

    [Fact]
    public void ReleaseWithoutAPersonIsRefused()
    {
        var request = new RequestBuilder().Issued();

        Expect.Refusal("required", () => request.ReturnSample(request.Samples[0], " ", LabDay.Later(200)));
        Assert.Equal(SampleStatus.Retained, request.Samples[0].Status);
    }

    [Fact]
    public void SampleOfAnotherRequestIsRefused()
    {
        var request = new RequestBuilder().Issued();
        var other = new RequestBuilder().Issued();

        Expect.Refusal("sample-unknown", () => request.ReturnSample(other.Samples[0], LabDay.Receptionist, LabDay.Later(200)));
    }

    [Fact]
    public void DisposalBeforeTheRetentionPeriodIsOverIsRefusedButReturnIsAllowed()
    {
        var request = new RequestBuilder().Issued();
        var sample = request.Samples[0];

        Expect.Refusal("retention-not-over", () => request.DisposeSample(sample, LabDay.Receptionist, LabDay.Now.AddDays(89)));
        Assert.Equal(SampleStatus.Retained, sample.Status);
        request.ReturnSample(sample, LabDay.Receptionist, LabDay.Later(70));
        Assert.Equal(SampleStatus.Returned, sample.Status);
    }
}
