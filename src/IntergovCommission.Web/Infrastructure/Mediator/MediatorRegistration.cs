using System.Reflection;
using FluentValidation;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>
/// MediatR 5.1 registered by hand (the mirror has no MediatR.Extensions.Microsoft.DependencyInjection):
/// handlers and authorizers are found by scanning, validators by FluentValidation's registration; the
/// pipeline order is fixed here.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();

        // Outermost first: logging → authorization → validation → transaction → audit → handler.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));
        services.AddSingleton<ConstraintMessages>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<RequestTransaction>();

        // Validators: FluentValidation's own registration (scoped: some take request-scoped services).
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        var open = new[] { typeof(IRequestHandler<,>), typeof(IAuthorizer<>) };
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(iface, type);
            }
        }

        return services;
    }
}
