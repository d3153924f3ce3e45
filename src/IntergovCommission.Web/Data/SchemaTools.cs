using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>The DDL the EF model implies (no database needed): the start point of a new migration, and what the schema test compares.</summary>
public static class SchemaTools
{
    public static string ModelDdl()
    {
        var options = new DbContextOptionsBuilder<CommissionDbContext>()
            .UseNpgsql("Host=unused;Database=unused")
            .Options;
        using var db = new CommissionDbContext(options);
        return db.Database.GenerateCreateScript();
    }
}
