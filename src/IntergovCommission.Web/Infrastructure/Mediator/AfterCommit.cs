namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>
/// Work that must happen only once the command's transaction has committed (e.g. telling live
/// screens that a vote was stored). The transaction behaviour runs it after COMMIT; a failed or
/// retried attempt discards it.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Func<Task>> _actions = [];

    public void Add(Func<Task> action) => _actions.Add(action);

    internal void Clear() => _actions.Clear();

    internal async Task RunAsync(ILogger logger)
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                // The change is committed; a failed broadcast only delays screens until their next refresh.
                logger.LogWarning(ex, "An after-commit action failed");
            }
        }
    }
}
