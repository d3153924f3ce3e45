// Stop and delete the throwaway PostgreSQL cluster when the run ends (see PostgresTestFramework).
[assembly: TestFramework("IntergovCommission.Testing.PostgresTestFramework", "IntergovCommission.Testing")]
