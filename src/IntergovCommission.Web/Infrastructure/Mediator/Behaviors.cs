using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>1. Logs every use case's refusal or failure (Warning, Error) and its duration (Debug).</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = RequestName.Of(typeof(TRequest));
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await next();
            // The request's own line (Serilog request logging) says it at Information; this is the use case's share.
            logger.LogDebug("{Request} handled in {Elapsed} ms", name, watch.ElapsedMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is InputValidationException or RuleViolationException or ForbiddenException or NotFoundException or ConflictException)
        {
            logger.LogWarning("{Request} refused after {Elapsed} ms: {Reason}", name, watch.ElapsedMilliseconds, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Request} failed after {Elapsed} ms", name, watch.ElapsedMilliseconds);
            throw;
        }
    }
}

/// <summary>2. The acting user's membership and role in this commission and side: every request needs an authorizer.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(IEnumerable<IAuthorizer<TRequest>> authorizers, IActorAccessor actors) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var list = authorizers.ToList();
        if (list.Count == 0)
        {
            throw new ForbiddenException($"{RequestName.Of(typeof(TRequest))} has no authorization rule; refused by default.");
        }

        var actor = await actors.GetActorAsync(cancellationToken);
        foreach (var authorizer in list)
        {
            await authorizer.AuthorizeAsync(request, actor, cancellationToken);
        }

        return await next();
    }
}

/// <summary>3. Runs all validators (async) and throws one exception carrying field → messages.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> text, UnreadableInput unreadable)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ICommand<TResponse> && unreadable.Fields.Count > 0)
        {
            // A form value could not be read into its field: the page already shows the message there; nothing runs.
            throw new InputValidationException();
        }

        // What no request may carry (control characters, direction overrides, dates outside 1900-2100), before the use case's own rules.
        var guarded = InputGuard.Check(request, text);
        if (guarded.Count > 0)
        {
            throw new InputValidationException(guarded);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new InputValidationException(failures
                .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}

/// <summary>
/// 4. Commands run in one transaction inside the Npgsql execution strategy (retried on
/// transient failures); the behaviour, not the handler, saves. Concurrency and uniqueness
/// failures become <see cref="ConflictException"/>.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(CommissionDbContext db, ConstraintMessages constraints, AfterCommit afterCommit, RequestTransaction owner, ILogger<TransactionBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await next();
            if (owner.Owned)
            {
                // The request's transaction (an idempotent API write keeps its answer in it): save, the request commits.
                await constraints.SaveAsync(db, cancellationToken);
            }

            return inner;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var response = await strategy.ExecuteAsync(async ct =>
        {
            await using var tx = await RequestTransaction.BeginAsync(db, afterCommit, ct);
            var response = await next();
            await constraints.SaveAsync(db, ct);
            await tx.CommitAsync(ct);
            return response;
        }, cancellationToken);
        await afterCommit.RunAsync(logger);
        return response;
    }
}

/// <summary>
/// Set while a request owns the transaction its commands run in (<see cref="Api.IdempotencyFilter"/>:
/// the command's changes and the kept answer commit together); commands then save without committing.
/// </summary>
public sealed class RequestTransaction
{
    public bool Owned { get; set; }

    /// <summary>
    /// A command's transaction on a clean context (each attempt of the execution strategy starts afresh: nothing
    /// tracked, no after-commit action left over). One SaveChanges per command: no savepoints, they would be two more
    /// statements and nothing to return to.
    /// </summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CommissionDbContext db, AfterCommit afterCommit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(afterCommit);
        db.ChangeTracker.Clear();
        afterCommit.Clear();
        var tx = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        return tx;
    }
}

/// <summary>5. Writes who did what, and every entity change, into the audit trail in the same transaction; and who read confidential material (<see cref="IAuditedRead"/>).</summary>
public sealed class AuditBehavior<TRequest, TResponse>(CommissionDbContext db, IActorAccessor actors, IAuditContext context, TimeProvider clock) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    // Enums by name (as the database stores them): a role in the trail stays readable, and stays
    // true if the enum is ever reordered.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IAuditedRead read && read.IsConfidential(response))
        {
            // A read has no transaction of its own: its row is appended in one (the chain lock needs it);
            // read inside a command, it is saved with the command's changes.
            var reader = await actors.GetActorAsync(cancellationToken);
            var entry = new AuditEntry(
                Guid.CreateVersion7(),
                clock.GetUtcNow(),
                reader.UserId,
                reader.UserName,
                await read.CommissionOfAsync(db, cancellationToken),
                RequestName.Of(typeof(TRequest)),
                SerializeRequest(request),
                "[]",
                context.CorrelationId,
                context.RemoteAddress);
            if (db.Database.CurrentTransaction is not null)
            {
                db.AuditEntries.Add(entry);
            }
            else
            {
                await AuditChain.AppendAsync(db, entry, cancellationToken);
            }

            return response;
        }

        if (request is not ICommand<TResponse>)
        {
            return response;
        }

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .Select(e => new
            {
                entity = e.Metadata.ClrType.Name,
                state = e.State.ToString(),
                key = string.Join(",", e.Metadata.FindPrimaryKey()?.Properties.Select(p => e.Property(p.Name).CurrentValue?.ToString()) ?? []),
                changed = e.Properties
                    .Where(p => (e.State != EntityState.Modified || p.IsModified) && !IsSecret(p.Metadata.Name))
                    .ToDictionary(p => p.Metadata.Name, p => Summarized(p.CurrentValue)),
                complex = e.ComplexProperties
                    .Where(c => e.State != EntityState.Modified || c.Properties.Any(p => p.IsModified))
                    .ToDictionary(c => c.Metadata.Name, c => c.Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
            })
            .ToList();

        var actor = await actors.GetActorAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(
            Guid.CreateVersion7(),
            clock.GetUtcNow(),
            actor.UserId,
            actor.UserName,
            request is ICommissionScoped scoped ? scoped.CommissionId : null,
            RequestName.Of(typeof(TRequest)),
            SerializeRequest(request),
            JsonSerializer.Serialize(changes, Json),
            context.CorrelationId,
            context.RemoteAddress));
        return response;
    }

    /// <summary>A file's bytes are not copied into the trail (its SHA-256 is a property of its row): their length is.</summary>
    private static object? Summarized(object? value) => value is byte[] bytes ? $"({bytes.Length} bytes)" : value;

    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) || name.Contains("Stamp", StringComparison.OrdinalIgnoreCase) || name.Contains("Token", StringComparison.OrdinalIgnoreCase);

    private static string SerializeRequest(TRequest request)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in typeof(TRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<SensitiveAttribute>() is not null || IsSecret(property.Name))
            {
                values[property.Name] = "***";
                continue;
            }

            var value = property.GetValue(request);
            values[property.Name] = value is Stream or IFormFile ? "(file)" : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }
}

/// <summary>Request-scoped facts the audit trail records besides the actor.</summary>
public interface IAuditContext
{
    string? CorrelationId { get; }
    string? RemoteAddress { get; }
}

internal static class RequestName
{
    public static string Of(Type type) => type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;
}
