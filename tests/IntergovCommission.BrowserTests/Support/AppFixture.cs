using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.BrowserTests.Support;

/// <summary>The real app with the demo commission, on its own database, served over HTTP once per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public Uri BaseUri { get; private set; } = null!;

    public Guid CommissionId { get; private set; }

    public TestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The settings the app starts with (the council fixture adds the demo council).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>The code of the commission the tests of the class work on.</summary>
    protected virtual string CommissionCode => "KZRU";

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(settings: Settings);
        BaseUri = _app.StartKestrel();
        CommissionId = await _app.QueryAsync(db => db.Commissions.Where(c => c.Code == CommissionCode).Select(c => c.Id).SingleAsync());
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

/// <summary>The app with both demo bodies: the KZRU commission and the CIS council (seed 002).</summary>
public sealed class CouncilAppFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Demo:Council"] = "true" };

    protected override string CommissionCode => "CIS-IP";
}
