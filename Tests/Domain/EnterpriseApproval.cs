using Lab.Domain.Enterprises;

namespace Tests.Domain;

public class EnterpriseApproval
{
    [Fact]
    public void RegisteredEnterpriseAwaitsApproval()
    {
        var enterprise = EnterpriseBuilder.Pending();

        Assert.Equal(EnterpriseStatus.PendingApproval, enterprise.Status);
        Assert.False(enterprise.IsApproved);
    }

    [Fact]
    public void ApproveMovesPendingToApproved()
    {
        var enterprise = EnterpriseBuilder.Pending();

        enterprise.Approve(" admin ", LabDay.Later(1));

        Assert.True(enterprise.IsApproved);
        Assert.Equal("admin", enterprise.ApprovedBy);
        Assert.Equal(LabDay.Later(1), enterprise.ApprovedAt);
    }

    [Fact]
    public void ApproveReinstatesASuspendedEnterprise()
    {
        var enterprise = EnterpriseBuilder.Suspended();

        enterprise.Approve("admin", LabDay.Later(2));

        Assert.Equal(EnterpriseStatus.Approved, enterprise.Status);
        Assert.Null(enterprise.RejectionReason);
    }

    [Fact]
    public void ApproveAnApprovedEnterpriseIsRefused() =>
        Expect.Refusal("enterprise-not-pending", () => EnterpriseBuilder.Approved().Approve("admin", LabDay.Later(2)));

    [Fact]
    public void ApproveARejectedEnterpriseIsRefused()
    {
        var enterprise = EnterpriseBuilder.Rejected();

        Expect.Refusal("enterprise-not-pending", () => enterprise.Approve("admin", LabDay.Later(2)));
        Assert.Equal(EnterpriseStatus.Rejected, enterprise.Status);
    }

    [Fact]
    public void ApproveWithoutAnApproverLeavesTheEnterprisePending()
    {
        var enterprise = EnterpriseBuilder.Pending();

        Expect.Refusal("required", () => enterprise.Approve(" ", LabDay.Later(1)));

        Assert.Equal(EnterpriseStatus.PendingApproval, enterprise.Status);
        Assert.Null(enterprise.ApprovedBy);
    }

    [Fact]
    public void ApproveAtALocalTimeLeavesTheEnterprisePending()
    {
        var enterprise = EnterpriseBuilder.Pending();

        Expect.Refusal("not-utc", () => enterprise.Approve("admin", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local)));

        Assert.Equal(EnterpriseStatus.PendingApproval, enterprise.Status);
    }

    [Fact]
    public void RejectMovesPendingToRejectedWithTheReason()
    {
        var enterprise = EnterpriseBuilder.Pending();

        enterprise.Reject("Not a manufacturer");

        Assert.Equal(EnterpriseStatus.Rejected, enterprise.Status);
        Assert.Equal("Not a manufacturer", enterprise.RejectionReason);
    }

    [Fact]
    public void RejectWithoutAReasonLeavesTheEnterprisePending()
    {
        var enterprise = EnterpriseBuilder.Pending();

        Expect.Refusal("required", () => enterprise.Reject(""));

        Assert.Equal(EnterpriseStatus.PendingApproval, enterprise.Status);
    }

    [Fact]
    public void RejectIsRefusedOncePastPending()
    {
        Expect.Refusal("enterprise-not-pending", () => EnterpriseBuilder.Approved().Reject("late"));
        Expect.Refusal("enterprise-not-pending", () => EnterpriseBuilder.Rejected().Reject("twice"));
        Expect.Refusal("enterprise-not-pending", () => EnterpriseBuilder.Suspended().Reject("late"));
    }

    [Fact]
    public void SuspendMovesApprovedToSuspendedWithTheReason()
    {
        var enterprise = EnterpriseBuilder.Approved();

        enterprise.Suspend("Unpaid invoices");

        Assert.Equal(EnterpriseStatus.Suspended, enterprise.Status);
        Assert.False(enterprise.IsApproved);
        Assert.Equal("Unpaid invoices", enterprise.RejectionReason);
    }

    [Fact]
    public void SuspendWithoutAReasonLeavesTheEnterpriseApproved()
    {
        var enterprise = EnterpriseBuilder.Approved();

        Expect.Refusal("required", () => enterprise.Suspend("  "));

        Assert.Equal(EnterpriseStatus.Approved, enterprise.Status);
    }

    [Fact]
    public void SuspendIsRefusedUnlessApproved()
    {
        Expect.Refusal("enterprise-not-approved", () => EnterpriseBuilder.Pending().Suspend("x"));
        Expect.Refusal("enterprise-not-approved", () => EnterpriseBuilder.Rejected().Suspend("x"));
        Expect.Refusal("enterprise-not-approved", () => EnterpriseBuilder.Suspended().Suspend("x"));
    }

    [Fact]
    public void RegistrationAtALocalTimeIsRefused() =>
        Expect.Refusal("not-utc", () => new Enterprise("A", EnterpriseBuilder.Code(), "Addr",
            "Chen", null, "chen@a.example", DateTime.SpecifyKind(LabDay.Now, DateTimeKind.Local)));
}
