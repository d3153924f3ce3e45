namespace IntergovCommission.Domain.Commissions;

/// <summary>Roles held through a membership in one commission and one side (KZRU-01, KZRU-15).</summary>
public enum CommissionRole
{
    Member = 0,
    CoChair = 1,
    DeputyCoChair = 2,
    Secretary = 3,
    Representative = 4,
    Invitee = 5,
    /// <summary>CIS-03: the chair, an office held by the member of the chairing state for its term (not appointed).</summary>
    Chair = 6,
    /// <summary>CIS-02: sits with an advisory vote: on the register, never counted, never signing.</summary>
    AdvisoryMember = 7,
    /// <summary>CIS-07: an observer (a non-party state, an international organisation); does not vote.</summary>
    Observer = 8,
    /// <summary>CIS-07: an expert (business); does not vote.</summary>
    Expert = 9,
    /// <summary>CIS-01: stands in for the state's member; votes for the state once the credentials are confirmed.</summary>
    Substitute = 10,
}
