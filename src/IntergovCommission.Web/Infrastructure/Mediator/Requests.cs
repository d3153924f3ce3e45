using MediatR;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>A use case that changes state: runs in a transaction and is audited.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A use case that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>A request scoped to one commission: the audit trail files it there.</summary>
public interface ICommissionScoped
{
    Guid CommissionId { get; }
}

/// <summary>Marks a property never written to the audit trail (passwords, codes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>
/// A read of confidential material (a material, the session pack, a decision or session PDF) that
/// the audit trail records like a change: who read what, when, from where (issue #14).
/// </summary>
public interface IAuditedRead
{
    /// <summary>The commission the read belongs to, so its secretaries see it in their trail.</summary>
    Task<Guid?> CommissionOfAsync(Data.CommissionDbContext db, CancellationToken cancellationToken);

    /// <summary>Whether this read, with what it returned, is recorded (a decision's page: only while it is an unissued draft).</summary>
    bool IsConfidential(object? response) => true;
}
