namespace Lab.Domain.Requests;

public enum RequestStatus { Draft, Submitted, Received, InTesting, Reviewing, Issued, Cancelled }

public enum SampleStatus { Expected, Received, InTesting, Tested, Retained, Returned, Disposed }

public enum AnalysisStatus { Pending, Running, ToBeVerified, Verified, Failed, Retracted }

public enum Urgency { Normal, Urgent }

public enum ReportLanguage { Zh, En, Bilingual }

/// <summary>What happens to what is left of the samples after testing (余样处理).</summary>
public enum SampleDisposal { Return, Dispose }

/// <summary>The state of an item as received (样品状态).</summary>
public enum SampleCondition { Intact, Damaged, WrongQuantity, Unlabelled, Other }
