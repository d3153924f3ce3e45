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
}
