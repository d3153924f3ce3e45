using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.BrowserTests.Support;

/// <summary>The real app with the demo commission, on its own database, served over HTTP once per test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public Uri BaseUri { get; private set; } = null!;

    public Guid CommissionId { get; private set; }

    public TestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        BaseUri = _app.StartKestrel();
        CommissionId = await _app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public string RosterPath => $"/Commissions/Roster/{CommissionId}";
}
