using IntergovCommission.Testing;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// One app on its own demo database shared by the tests of a class. Tests that change data
/// through it work on people they create themselves, so the demo roster stays as seeded for the
/// others.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    internal Demo Demo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.CreateAsync();
        Demo = await Demo.OfAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
