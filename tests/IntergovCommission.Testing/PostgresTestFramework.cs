using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IntergovCommission.Testing;

/// <summary>
/// The xUnit framework for assemblies that use <see cref="TestDatabase"/>: before the run reports
/// that the assembly has finished, it stops the throwaway PostgreSQL cluster and deletes its folder.
/// A ProcessExit handler alone is not enough (nor is the framework's own Dispose, which xUnit runs
/// fire-and-forget): the test platform kills the test host shortly after the run, and each run then
/// left a cluster folder of up to hundreds of MB in the temp directory. Use it with
/// <c>[assembly: TestFramework("IntergovCommission.Testing.PostgresTestFramework", "IntergovCommission.Testing")]</c>.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await base.BeforeTestAssemblyFinishedAsync();
            await Task.Run(TestDatabase.Shutdown);
        }
    }
}
